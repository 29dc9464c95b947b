package org.parley.sip.container;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;

import gov.nist.javax.sip.message.SIPMessage;

import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipServletMessage;

/**
 * A {@link SipServletMessage} over a JAIN-SIP message; a received response read without JAIN-SIP's parser
 * ({@link IncomingResponse}'s lean form) answers what it can from its head and parses the rest when first asked.
 */
abstract class ContainerMessage implements SipServletMessage {

    private static final int KNOWN_TYPES = 32;
    private static final Map<String, ContentTypeHeader> CONTENT_TYPES = new ConcurrentHashMap<>();

    final Container container;
    private final SIPMessage message;

    ContainerMessage(Container container, SIPMessage message) {
        this.container = container;
        this.message = message;
    }

    /** The JAIN-SIP message; every read goes through here, so that a lean form can make it when first asked. */
    SIPMessage message() {
        return message;
    }

    /** The packet's source (set by JAIN-SIP on every message it reads); null for our own messages. */
    @Override
    public String getRemoteAddr() {
        return message().getPeerPacketSourceAddress() == null
                ? null
                : message().getPeerPacketSourceAddress().getHostAddress();
    }

    @Override
    public int getRemotePort() {
        return message().getPeerPacketSourceAddress() == null ? -1 : message().getPeerPacketSourcePort();
    }

    @Override
    public String getMethod() {
        return message().getCSeq().getMethod();
    }

    @Override
    public String getCallId() {
        return message().getCallId().getCallId();
    }

    @Override
    public Address getFrom() {
        return JainAddress.of(message().getFrom());
    }

    @Override
    public Address getTo() {
        return JainAddress.of(message().getTo());
    }

    @Override
    public long getCSeq() {
        return message().getCSeq().getSeqNumber();
    }

    @Override
    public String getHeader(String name) {
        Header header = message().getHeader(Headers.canonical(name));
        return header == null ? null : Headers.value(header);
    }

    @Override
    public List<String> getHeaders(String name) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = message().getHeaders(Headers.canonical(name)); it.hasNext(); ) {
            values.add(Headers.value((Header) it.next()));
        }
        return values;
    }

    @Override
    public List<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = message().getHeaderNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return List.copyOf(names);
    }

    @Override
    public void setHeader(String name, String value) {
        removeHeader(name);
        addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        Headers.checkWritable(name);
        checkWritable();
        for (Header header : Headers.parse(name, value)) {
            message().addHeader(header);
        }
    }

    @Override
    public void removeHeader(String name) {
        Headers.checkWritable(name);
        checkWritable();
        message().removeHeader(Headers.canonical(name));
    }

    @Override
    public byte[] getRawContent() {
        byte[] content = message().getRawContent();
        return content == null ? new byte[0] : content.clone();
    }

    @Override
    public String getContentAsString() {
        byte[] content = message().getRawContent();
        return content == null ? null : new String(content, charset());
    }

    @Override
    public String getContentType() {
        ContentTypeHeader type = message().getContentTypeHeader();
        return type == null ? null : Headers.value(type);
    }

    @Override
    public void setContent(byte[] content, String contentType) {
        checkWritable();
        if (content == null || content.length == 0) {
            message().removeContent();
            message().removeHeader(ContentTypeHeader.NAME);
            return;
        }
        try {
            message().setContent(content.clone(), contentType(contentType));
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("bad Content-Type: " + contentType, e);
        }
    }

    /**
     * A copy of the parsed header: a chat room's deliveries all carry the same type, and parsing it is per message
     * work that need not be. The few types a servlet uses are kept; past {@link #KNOWN_TYPES}, each is parsed anew.
     */
    private static ContentTypeHeader contentType(String value) throws ParseException {
        ContentTypeHeader known = CONTENT_TYPES.get(value);
        if (known == null) {
            known = (ContentTypeHeader) Jain.HEADERS.createHeader(ContentTypeHeader.NAME, value);
            if (CONTENT_TYPES.size() < KNOWN_TYPES) {
                CONTENT_TYPES.putIfAbsent(value, known);
            }
        }
        return (ContentTypeHeader) known.clone();
    }

    @Override
    public void setContent(String content, String contentType, Charset charset) {
        setContent(content == null ? null : content.getBytes(charset), contentType);
    }

    @Override
    public String toString() {
        return message().encode();
    }

    /** Received messages are read-only once the servlet has them; outgoing ones until they are sent. */
    void checkWritable() {
        if (isCommitted()) {
            throw new IllegalStateException("message already sent or answered");
        }
    }

    private Charset charset() {
        ContentTypeHeader type = message().getContentTypeHeader();
        String name = type == null ? null : type.getParameter("charset");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.replace("\"", ""));
        } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }
}
