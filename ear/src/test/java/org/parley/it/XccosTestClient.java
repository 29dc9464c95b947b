package org.parley.it;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A chat client for the tests, as SIPE behaves (docs/protocol/real-client.md appendix A): a TCP connection, a
 * dialog with the chat endpoint, commands in INFO, every server INFO answered 200. Server bodies
 * are read into DOM documents (namespace-unaware, so XPath reads them plainly) for assertions.
 */
final class XccosTestClient implements Closeable {

    static final String CHAT_ENDPOINT = SipServer.CHAT;
    static final String LOOKUP = SipServer.LOOKUP;
    private static final AtomicLong ENVIDS = new AtomicLong(1_331_762_711L);

    final String user;
    final ClientDialog dialog;

    private XccosTestClient(String user, String target) throws IOException {
        this(user, target, RawSip.tcp(SipServer.port()));
    }

    private XccosTestClient(String user, String target, RawSip sip) throws IOException {
        this.user = user;
        this.dialog = new ClientDialog(sip, target, false, user);
    }

    /** Signs in and joins the room (see {@link #join}); a client that cannot is closed. */
    static XccosTestClient inRoom(String user, String roomUri) throws IOException {
        return inRoom(user, new InetSocketAddress(RawSip.LOOPBACK, SipServer.port()), roomUri);
    }

    static XccosTestClient inRoom(String user, InetSocketAddress server, String roomUri) throws IOException {
        XccosTestClient client = signIn(user, server);
        try {
            client.join(roomUri);
        } catch (IOException | AssertionError e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** Opens a chat session; the INVITE's answer is the result (a 403 for refused users). */
    static XccosTestClient connect(String user, String target) throws IOException {
        return new XccosTestClient(user, target);
    }

    static XccosTestClient signIn(String user) throws IOException {
        return signIn(user, new InetSocketAddress(RawSip.LOOPBACK, SipServer.port()));
    }

    /** Signs in at a given server (a node of a pool) over TCP. */
    static XccosTestClient signIn(String user, InetSocketAddress server) throws IOException {
        XccosTestClient client = new XccosTestClient(user, CHAT_ENDPOINT, RawSip.tcp(server));
        try {
            client.dialog.establish();
        } catch (IOException | AssertionError e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** The INVITE's final response, without establishing the dialog on refusal. */
    RawSip.Msg invite() throws IOException {
        RawSip.Msg answer = dialog.call("INVITE", "v=0\r\n", "Supported: ms-sender", "Content-Type: application/sdp");
        return answer;
    }

    static String envelope(String envid, String inner) {
        return "<xccos ver=\"1\" envid=\"" + envid + "\" xmlns=\"urn:parlano:xml:ns:xccos\">" + inner + "</xccos>";
    }

    /** Sends a command; expects exactly 200 to its INFO, then returns the reply INFO's document. */
    Document command(String id, String data) throws IOException {
        String envid = Long.toString(ENVIDS.incrementAndGet());
        RawSip.Msg answer =
                dialog.call("INFO", envelope(envid, "<cmd id=\"" + id + "\" seqid=\"1\">" + data + "</cmd>"));
        if (answer.status() != 200) {
            throw new AssertionError(id + " got " + answer);
        }
        Document reply = serverInfo();
        String echoed = text(reply, "/xccos/rpl/commandid/@envid");
        if (!envid.equals(echoed)) {
            throw new AssertionError("reply to " + envid + " carries commandid envid " + echoed);
        }
        return reply;
    }

    /** Joins a room as SIPE does (cmd:join, the room's chanid with key 0); expects a 200 reply and returns it. */
    Document join(String roomUri) throws IOException {
        Document reply = command("cmd:join", "<data>" + chanid(roomUri, 0) + "</data>");
        if (!"200".equals(text(reply, "//resp/@code"))) {
            throw new AssertionError("joining " + roomUri + " got " + xml(reply));
        }
        return reply;
    }

    /**
     * Sends a command that may be refused; expects 200 to its INFO and returns the reply INFO's document, whose
     * {@code resp/@code} says how it went (an error reply names no command id to check).
     */
    Document attempt(String id, String data) throws IOException {
        RawSip.Msg answer = dialog.call(
                "INFO",
                envelope(
                        Long.toString(ENVIDS.incrementAndGet()),
                        "<cmd id=\"" + id + "\" seqid=\"1\">" + data + "</cmd>"));
        if (answer.status() != 200) {
            throw new AssertionError(id + " got " + answer);
        }
        return serverInfo();
    }

    /** Posts to a room; returns the SIP answer to the INFO (200 when stored). */
    RawSip.Msg post(String roomUri, String text) throws IOException {
        String body = "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + roomUri + "\" author=\"" + user
                + "\" ts=\"2026-11-28T16:40:45Z\"><chat>" + escape(text) + "</chat></grpchat>";
        return dialog.call("INFO", envelope(Long.toString(ENVIDS.incrementAndGet()), body));
    }

    /** The next INFO the server sends in this dialog, answered 200, as a document. */
    Document serverInfo() throws IOException {
        RawSip.Msg info = dialog.answerRequest("INFO");
        if (!"text/plain".equals(info.header("Content-Type"))) {
            throw new AssertionError("XCCOS must travel as text/plain: " + info);
        }
        return parse(info.body());
    }

    /** The next server INFO whose document has {@code xpath} true, answering every INFO read on the way. */
    Document await(String xpath) throws IOException {
        for (int i = 0; i < 50; i++) {
            Document document = serverInfo();
            if (bool(document, xpath)) {
                return document;
            }
        }
        throw new AssertionError("no server INFO matching " + xpath);
    }

    void bye() throws IOException {
        RawSip.Msg ok = dialog.call("BYE", null);
        if (ok.status() != 200) {
            throw new AssertionError("BYE got " + ok);
        }
    }

    @Override
    public void close() throws IOException {
        dialog.sip().close();
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    static String text(Document document, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    static boolean bool(Document document, String xpath) {
        try {
            return (Boolean) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.BOOLEAN);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    static int count(Document document, String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
                    .getLength();
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** The document as text, for assertion messages. */
    static String xml(Document document) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            javax.xml.transform.TransformerFactory.newInstance()
                    .newTransformer()
                    .transform(
                            new javax.xml.transform.dom.DOMSource(document),
                            new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return document.toString();
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String chanid(String roomUri, int key) {
        String rest = roomUri.substring("ma-chan://".length());
        int slash = rest.indexOf('/');
        return "<chanid key=\"" + key + "\" domain=\"" + rest.substring(0, slash) + "\" value=\""
                + rest.substring(slash + 1) + "\"/>";
    }
}
