package org.parley.xccos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.parley.xccos.DataItem.Affiliation;
import org.parley.xccos.DataItem.ChannelInfo;
import org.parley.xccos.DataItem.ChannelUsers;
import org.parley.xccos.DataItem.FailureInfo;
import org.parley.xccos.DataItem.FileToken;
import org.parley.xccos.DataItem.HistoryMessage;
import org.parley.xccos.DataItem.InvitationInfo;
import org.parley.xccos.DataItem.Preference;
import org.parley.xccos.DataItem.Property;
import org.parley.xccos.DataItem.ServerInfo;
import org.parley.xccos.DataItem.UserInfo;

/**
 * Reads client envelopes into typed {@link Inbound}s and writes {@link Outbound}s the way the
 * real servers do: no XML declaration, no whitespace, the xccos namespace as the default one.
 * Thread-safe.
 */
public final class XccosCodec {

    /** Limits on what a client may send; a body over them is refused, not parsed. */
    public record Limits(int maxBodyBytes, int maxDepth, int maxElements) {
        public static final Limits DEFAULT = new Limits(64 * 1024, 16, 2_000);
    }

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final XmlNode EMPTY_DATA = new XmlNode(XccosNames.NAMESPACE, "data", Map.of(), List.of(), "");

    private final SecureXmlReader reader;

    public XccosCodec() {
        this(Limits.DEFAULT);
    }

    public XccosCodec(Limits limits) {
        this.reader = new SecureXmlReader(limits.maxBodyBytes(), limits.maxDepth(), limits.maxElements());
    }

    // ---------------------------------------------------------------- reading

    /** A client's envelope: its envid and what it carries (in practice one command or post). */
    public record Envelope(String envid, List<Inbound> items) {}

    public Envelope parse(byte[] body) {
        XmlNode root = reader.read(body);
        if (!root.name().equals("xccos") || !root.namespace().equals(XccosNames.NAMESPACE)) {
            throw new XccosException("root must be xccos in namespace " + XccosNames.NAMESPACE);
        }
        String envid = root.requiredAttribute("envid");
        List<Inbound> items = new ArrayList<>();
        for (XmlNode child : root.children()) {
            if (!child.namespace().equals(XccosNames.NAMESPACE)) {
                continue;
            }
            switch (child.name()) {
                case "cmd" -> items.add(command(envid, child));
                case "grpchat" -> items.add(post(envid, child));
                default -> throw new XccosException("a client may not send <" + child.name() + ">");
            }
        }
        if (items.isEmpty()) {
            throw new XccosException("the envelope carries no command and no post");
        }
        return new Envelope(envid, List.copyOf(items));
    }

    private static CommandRef ref(String envid, XmlNode element) {
        String seqid = element.attribute("seqid");
        return new CommandRef(envid, seqid == null ? "1" : seqid);
    }

    private static Command command(String envid, XmlNode cmd) {
        CommandRef ref = ref(envid, cmd);
        String id = cmd.requiredAttribute("id");
        XmlNode data = cmd.child("data").orElse(EMPTY_DATA);
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "cmd:requri" -> new Command.RequestUri(ref);
            case "cmd:getserverinfo" -> {
                XmlNode sib = data.child("sib").orElse(null);
                yield new Command.GetServerInfo(
                        ref,
                        sib == null ? null : sib.attribute("domain"),
                        sib == null ? null : sib.attribute("infoType"));
            }
            case "cmd:getinv" -> {
                XmlNode inv = data.child("inv").orElse(null);
                long after = inv == null ? 0 : parseLong(inv.attribute("inviteId"), 0, "inviteId");
                yield new Command.GetInvitations(ref, after, inv == null ? null : inv.attribute("domain"));
            }
            case "cmd:chansrch" -> {
                XmlNode qib = data.child("qib").orElseThrow(() -> new XccosException("chansrch needs a qib"));
                String qtype = qib.attribute("qtype");
                String criteria = qib.attribute("criteria");
                yield new Command.ChannelSearch(
                        ref,
                        qtype == null ? "BYNAME" : qtype,
                        criteria == null ? "" : criteria,
                        "true".equalsIgnoreCase(qib.attribute("extended")));
            }
            case "cmd:join", "cmd:bjoin" -> {
                List<ChannelId> channels = new ArrayList<>();
                for (XmlNode chanid : data.children("chanid")) {
                    channels.add(new ChannelId(
                            (int) parseLong(chanid.attribute("key"), channels.size(), "key"),
                            chanid.requiredAttribute("domain"),
                            chanid.requiredAttribute("value")));
                }
                if (channels.isEmpty()) {
                    throw new XccosException(id + " names no room");
                }
                yield new Command.Join(ref, id.equalsIgnoreCase("cmd:bjoin"), channels);
            }
            case "cmd:bccontext" -> {
                String uri = channelUri(data);
                XmlNode bcq = data.child("bcq").orElse(null);
                Integer count = null;
                Long before = null;
                if (bcq != null) {
                    XmlNode last = bcq.child("last").orElse(null);
                    if (last != null) {
                        count = count(last.attribute("cnt"), null);
                    }
                    XmlNode beforeNode = bcq.child("before").orElse(null);
                    if (beforeNode != null) {
                        before = parseLong(beforeNode.requiredAttribute("msgid"), 0, "msgid");
                        count = count(beforeNode.attribute("cnt"), count);
                    }
                }
                yield new Command.BackChatContext(ref, uri, count, before);
            }
            case "cmd:part" -> new Command.Part(ref, channelUri(data));
            case "cmd:getassociations" -> new Command.GetAssociations(ref);
            case "cmd:getfutok", "cmd:getfdtok" -> {
                XmlNode ftdb = data.child("ftdb").orElseThrow(() -> new XccosException(id + " needs an ftdb"));
                yield new Command.GetFileToken(
                        ref,
                        id.equalsIgnoreCase("cmd:getfutok"),
                        ftdb.requiredAttribute("channelUri"),
                        ftdb.requiredAttribute("fileUrl"));
            }
            case "cmd:nodespermcreatechild" -> new Command.CreatePermission(ref);
            case "cmd:getpref" -> {
                XmlNode pref = data.child("pref").orElseThrow(() -> new XccosException("getpref needs a pref"));
                yield new Command.GetPreference(
                        ref,
                        pref.requiredAttribute("label"),
                        pref.attribute("seqid"),
                        "true".equalsIgnoreCase(pref.attribute("createdefault")));
            }
            case "cmd:setpref" -> {
                XmlNode pref = data.child("pref").orElseThrow(() -> new XccosException("setpref needs a pref"));
                String content = pref.attribute("content");
                yield new Command.SetPreference(
                        ref, pref.requiredAttribute("label"), pref.attribute("seqid"), content == null ? "" : content);
            }
            case "cmd:msgsrch" -> {
                XmlNode qib = data.child("qib").orElseThrow(() -> new XccosException("msgsrch needs a qib"));
                yield new Command.MessageSearch(ref, qib.requiredAttribute("criteria"), qib.attribute("chanUri"), (int)
                        parseLong(qib.attribute("limit"), 0, "limit"));
            }
            default -> new Command.Unknown(ref, id);
        };
    }

    private static String channelUri(XmlNode data) {
        return data.child("chanib")
                .orElseThrow(() -> new XccosException("the command names no chanib"))
                .requiredAttribute("uri");
    }

    private static Post post(String envid, XmlNode grpchat) {
        String ts = grpchat.attribute("ts");
        if (ts == null) {
            throw new XccosException("a post needs ts, the client's time");
        }
        String text = grpchat.child("chat").map(XmlNode::text).orElse("");
        return new Post(
                ref(envid, grpchat),
                grpchat.requiredAttribute("chanUri"),
                grpchat.requiredAttribute("author"),
                Timestamps.parse(ts),
                text);
    }

    /** A history count the client named, else {@code absent}; never negative. */
    private static Integer count(String value, Integer absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        long count = parseLong(value, 0, "cnt");
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new XccosException(
                    count < 0
                            ? "a history count cannot be negative"
                            : "a history count is too large: " + value.strip());
        }
        return (int) count;
    }

    private static long parseLong(String value, long absent, String what) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new XccosException(what + " is not a number: " + value);
        }
    }

    // ---------------------------------------------------------------- writing

    /** One outbound item in its own envelope. */
    public byte[] write(String envid, Outbound item) {
        return write(envid, List.of(item));
    }

    /** Several items of one kind (replies, or notices) in one envelope. */
    public byte[] write(String envid, List<? extends Outbound> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to write");
        }
        Class<?> kind = items.get(0).getClass();
        if (items.stream().anyMatch(i -> i.getClass() != kind)) {
            throw new IllegalArgumentException("one kind of element per envelope");
        }
        if (kind == ChatMessage.class && items.size() > 1) {
            throw new IllegalArgumentException("clients read only the first grpchat of an envelope");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(XccosNames.NAMESPACE);
            xml.writeStartElement(XccosNames.NAMESPACE, "xccos");
            xml.writeNamespace("xsd", XccosNames.XSD_NAMESPACE);
            xml.writeNamespace("xsi", XccosNames.XSI_NAMESPACE);
            xml.writeAttribute("ver", XccosNames.VERSION);
            xml.writeAttribute("envid", envid);
            xml.writeDefaultNamespace(XccosNames.NAMESPACE);
            for (Outbound item : items) {
                if (item instanceof Reply reply) {
                    writeReply(xml, reply);
                } else if (item instanceof Notice notice) {
                    writeNotice(xml, notice);
                } else {
                    writeChat(xml, (ChatMessage) item);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XCCOS", e);
        }
        return out.toByteArray();
    }

    public String writeString(String envid, Outbound item) {
        return new String(write(envid, item), StandardCharsets.UTF_8);
    }

    private static void writeReply(XMLStreamWriter xml, Reply reply) throws XMLStreamException {
        xml.writeStartElement("rpl");
        xml.writeAttribute("id", reply.id());
        xml.writeAttribute("seqid", reply.ref().seqid());
        xml.writeEmptyElement("commandid");
        xml.writeAttribute("seqid", reply.ref().seqid());
        xml.writeAttribute("envid", reply.ref().envid());
        xml.writeStartElement("resp");
        xml.writeAttribute("code", Integer.toString(reply.result().code()));
        xml.writeCharacters(reply.result().text());
        xml.writeEndElement();
        writeData(xml, reply.data());
        xml.writeEndElement();
    }

    private static void writeNotice(XMLStreamWriter xml, Notice notice) throws XMLStreamException {
        xml.writeStartElement("ntc");
        xml.writeAttribute("id", notice.id());
        writeData(xml, notice.data());
        xml.writeEndElement();
    }

    private static void writeChat(XMLStreamWriter xml, ChatMessage chat) throws XMLStreamException {
        xml.writeStartElement("grpchat");
        xml.writeAttribute("id", "grpchat");
        xml.writeAttribute("seqid", "1");
        writeMessageBody(xml, chat.channelUri(), chat.author(), chat.time(), chat.text(), null);
    }

    private static void writeMessageBody(
            XMLStreamWriter xml, String channelUri, String author, Instant time, String text, Long messageId)
            throws XMLStreamException {
        xml.writeAttribute("chanUri", channelUri);
        xml.writeAttribute("author", author);
        xml.writeAttribute("ts", Timestamps.format(time));
        if (messageId != null) {
            xml.writeAttribute("msgid", messageId.toString());
        }
        xml.writeStartElement("chat");
        writeText(xml, text);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Carriage returns are written as references so they survive the reader's end-of-line rule (§11). */
    private static void writeText(XMLStreamWriter xml, String text) throws XMLStreamException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\r') {
                xml.writeCharacters(text.substring(start, i));
                xml.writeEntityRef("#13");
                start = i + 1;
            }
        }
        xml.writeCharacters(text.substring(start));
    }

    private static void writeData(XMLStreamWriter xml, List<DataItem> data) throws XMLStreamException {
        if (data.isEmpty()) {
            xml.writeEmptyElement("data");
            return;
        }
        xml.writeStartElement("data");
        for (DataItem item : data) {
            writeItem(xml, item);
        }
        xml.writeEndElement();
    }

    private static void writeItem(XMLStreamWriter xml, DataItem item) throws XMLStreamException {
        if (item instanceof UserInfo uib) {
            writeUser(xml, uib);
        } else if (item instanceof Affiliation aib) {
            xml.writeEmptyElement("aib");
            xml.writeAttribute("key", aib.key());
            if (aib.domain() != null) {
                xml.writeAttribute("domain", aib.domain());
            }
            xml.writeAttribute("value", aib.value());
        } else if (item instanceof ChannelInfo chanib) {
            writeChannel(xml, chanib);
        } else if (item instanceof ChannelUsers chanib) {
            xml.writeStartElement("chanib");
            xml.writeAttribute("uri", chanib.uri());
            for (UserInfo uib : chanib.users()) {
                writeUser(xml, uib);
            }
            xml.writeEndElement();
        } else if (item instanceof HistoryMessage msg) {
            xml.writeStartElement("msg");
            xml.writeAttribute("id", "grpchat");
            writeMessageBody(xml, msg.channelUri(), msg.author(), msg.time(), msg.text(), msg.messageId());
        } else if (item instanceof FailureInfo fib) {
            xml.writeEmptyElement("fib");
            xml.writeAttribute("key", fib.key());
            xml.writeAttribute("value", fib.value());
            xml.writeAttribute("domain", fib.domain());
        } else if (item instanceof ServerInfo sib) {
            xml.writeEmptyElement("sib");
            optionalAttribute(xml, "infoType", sib.infoType());
            xml.writeAttribute("serverTime", Timestamps.format(sib.serverTime()));
            xml.writeAttribute("searchLimit", Integer.toString(sib.searchLimit()));
            xml.writeAttribute("messageSizeLimit", Integer.toString(sib.messageSizeLimit()));
            xml.writeAttribute("storySizeLimit", Integer.toString(sib.storySizeLimit()));
            xml.writeAttribute("rootUri", sib.rootUri());
            xml.writeAttribute("dbVersion", sib.dbVersion());
            // [INF] No capture shows a room management URL in a sib: the attribute's name is the one UCMA's
            // PersistentChatServerConfiguration gives the value it reads with the other sib values (RoomManagementUrl
            // beside SearchLimit, MessageSizeLimit, RootCategoryUri, DatabaseVersion), in the sib's camel case. Sent
            // only when one is set, so a server without one writes the 2010 log's shape.
            optionalAttribute(xml, "roomManagementUrl", sib.roomManagementUrl());
        } else if (item instanceof FileToken token) {
            xml.writeEmptyElement("token");
            xml.writeAttribute("token", token.token());
            xml.writeAttribute("serveruri", token.serverUri());
        } else if (item instanceof Preference pref) {
            xml.writeEmptyElement("pref");
            xml.writeAttribute("label", pref.label());
            xml.writeAttribute("seqid", Long.toString(pref.seqid()));
            xml.writeAttribute("content", pref.content());
        } else if (item instanceof InvitationInfo inv) {
            xml.writeEmptyElement("inv");
            xml.writeAttribute("inviteId", Long.toString(inv.invitationId()));
            xml.writeAttribute("chanUri", inv.channelUri());
            xml.writeAttribute("name", inv.channelName());
            xml.writeAttribute("inviter", inv.inviter());
            xml.writeAttribute("ts", Timestamps.format(inv.time()));
        } else {
            throw new IllegalArgumentException("unknown data item " + item);
        }
    }

    private static void writeUser(XMLStreamWriter xml, UserInfo uib) throws XMLStreamException {
        if (uib.affiliations().isEmpty()) {
            xml.writeEmptyElement("uib");
        } else {
            xml.writeStartElement("uib");
        }
        if (uib.id() != null) {
            xml.writeAttribute("id", uib.id().toString());
        }
        xml.writeAttribute("uri", uib.uri());
        if (!uib.affiliations().isEmpty()) {
            for (Affiliation aib : uib.affiliations()) {
                writeItem(xml, aib);
            }
            xml.writeEndElement();
        }
    }

    private static void writeChannel(XMLStreamWriter xml, ChannelInfo chanib) throws XMLStreamException {
        boolean empty = chanib.infos().isEmpty()
                && chanib.props().isEmpty()
                && chanib.affiliations().isEmpty()
                && chanib.messages().isEmpty();
        if (empty) {
            xml.writeEmptyElement("chanib");
        } else {
            xml.writeStartElement("chanib");
        }
        xml.writeAttribute("uri", chanib.uri());
        optionalAttribute(xml, "name", chanib.name());
        optionalAttribute(xml, "description", chanib.description());
        optionalAttribute(xml, "topic", chanib.topic());
        if (empty) {
            return;
        }
        for (Property info : chanib.infos()) {
            textElement(xml, "info", info);
        }
        for (Property prop : chanib.props()) {
            textElement(xml, "prop", prop);
        }
        for (Affiliation aib : chanib.affiliations()) {
            writeItem(xml, aib);
        }
        for (HistoryMessage msg : chanib.messages()) {
            writeItem(xml, msg);
        }
        xml.writeEndElement();
    }

    private static void textElement(XMLStreamWriter xml, String name, Property property) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("id", property.id());
        xml.writeCharacters(property.value());
        xml.writeEndElement();
    }

    private static void optionalAttribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, value);
        }
    }
}
