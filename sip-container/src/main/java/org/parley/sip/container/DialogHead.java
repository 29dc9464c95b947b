package org.parley.sip.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import javax.sip.address.URI;
import javax.sip.header.ContactHeader;

import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * The lines of our requests in one dialog that are the same from one request to the next, as JAIN-SIP encodes them,
 * encoded once: the request line, Call-ID, From, To, Max-Forwards, the route set and our Contact. A chat room's post
 * goes to every member's dialog, and JAIN-SIP's {@code encodeAsBytes} wrote each of these again for every one (a
 * third of the server's CPU in scenario (b) of #12, mostly URIs and their parameters); per request only the rest is
 * encoded: Via (its branch), CSeq, what the interceptors and the servlet added (Authentication-Info, Content-Type),
 * Content-Length, then the body as it is.
 *
 * <p>A head is made for one method, remote target, connection and Contact of its dialog ({@link Session}); a target
 * refresh, a move to another connection or another Contact makes a new one. The header objects a request was made with
 * are remembered with it ({@link Made}), and a line is taken from the head only while the request still holds that very
 * object: a header the servlet replaced (a Contact of its own) is encoded from what it is now. The lines stay in
 * JAIN-SIP's order (its header list, Content-Length last), so the bytes are the ones JAIN-SIP would have written.
 *
 * <p>Kamailio builds a request it forwards from a copy of the received buffer plus "lumps" (the few edits: Via added,
 * Route removed) in {@code msg_translator.c}, {@code build_req_buf_from_sip_req}, rather than from parsed headers:
 * the same idea, with a dialog's first request as the buffer.
 */
final class DialogHead {

    private final String method;
    private final URI target;
    private final Connection connection;
    private final ContactHeader contact;
    private final byte[] requestLine;
    private final byte[][] lines;
    private final int size;

    private DialogHead(
            String method,
            URI target,
            Connection connection,
            ContactHeader contact,
            byte[] requestLine,
            byte[][] lines) {
        this.method = method;
        this.target = target;
        this.connection = connection;
        this.contact = contact;
        this.requestLine = requestLine;
        this.lines = lines;
        int total = requestLine.length;
        for (byte[] line : lines) {
            total += line.length;
        }
        this.size = total;
    }

    /**
     * The head of {@code request}, just made by its session for {@code target}, {@code connection} and {@code contact}
     * (the session's own objects, compared by identity in {@link #madeFor}); {@code constant} are the request's header
     * objects that the head stands for.
     */
    static DialogHead of(
            SIPRequest request, URI target, Connection connection, ContactHeader contact, SIPHeader... constant) {
        byte[][] lines = new byte[constant.length][];
        for (int i = 0; i < constant.length; i++) {
            lines[i] = utf8(constant[i].encode());
        }
        return new DialogHead(
                request.getMethod(),
                target,
                connection,
                contact,
                utf8(request.getRequestLine().encode()),
                lines);
    }

    /** Whether this head still describes a request of {@code method} made now (the session's objects, by identity). */
    boolean madeFor(String method, URI target, Connection connection, ContactHeader contact) {
        return this.method.equals(method)
                && this.target == target
                && this.connection == connection
                && this.contact == contact;
    }

    /** What a request made with this head is made of: the head and the request's own header objects it stands for. */
    Made made(SIPRequest request, SIPHeader... constant) {
        if (constant.length != lines.length) {
            throw new IllegalArgumentException("a head of " + lines.length + " lines for " + constant.length);
        }
        return new Made(this, request.getRequestLine(), request.getRequestLine().getUri(), constant);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A request of a dialog and the head it was made with, by the objects it was made of: {@link #wire} encodes it.
     */
    record Made(DialogHead head, RequestLine line, Object uri, SIPHeader[] constant) {

        /**
         * The request's bytes, as {@link SIPRequest#encodeAsBytes} writes them, the head's lines taken as they are;
         * null when the head no longer describes it (its request line changed, or a body in another charset than
         * UTF-8, which JAIN-SIP would write its headers in): JAIN-SIP then encodes it.
         */
        byte[] wire(SIPRequest request) {
            if (request.getRequestLine() != line || line.getUri() != uri || !head.method.equals(line.getMethod())) {
                return null;
            }
            ContentType type = (ContentType) request.getContentTypeHeader();
            String charset = type == null ? null : type.getCharset();
            if (charset != null && !"UTF-8".equalsIgnoreCase(charset.replace("\"", ""))) {
                return null;
            }
            byte[] content = request.getRawContent();
            Bytes out = new Bytes(head.size + 256 + (content == null ? 0 : content.length));
            out.write(head.requestLine);
            StringBuilder own = new StringBuilder(192);
            for (Iterator<SIPHeader> it = request.getHeaders(); it.hasNext(); ) {
                SIPHeader header = it.next();
                if (header instanceof ContentLength) {
                    continue; // JAIN-SIP writes it last, from the message's own field
                }
                int known = indexOf(header);
                if (known < 0) {
                    header.encode(own);
                } else {
                    out.write(own);
                    own.setLength(0);
                    out.write(head.lines[known]);
                }
            }
            ((ContentLength) request.getContentLength()).encode(own);
            own.append("\r\n");
            out.write(own);
            if (content != null) {
                out.write(content);
            }
            return out.toByteArray();
        }

        private int indexOf(SIPHeader header) {
            for (int i = 0; i < constant.length; i++) {
                if (constant[i] == header) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A growing byte array, written without the locks of a ByteArrayOutputStream. */
    private static final class Bytes {
        private byte[] bytes;
        private int length;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
        }

        /** Header text: UTF-8 as JAIN-SIP writes it (the ASCII headers are, in practice, one byte a character). */
        void write(CharSequence text) {
            int n = text.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    write(utf8(text.toString()));
                    return;
                }
                bytes[length + i] = (byte) c;
            }
            length += n;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        byte[] toByteArray() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}
