package org.parley.sip.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of one dialog, writing requests the way SIPE does (docs/protocol/real-client.md appendix A):
 * optionally no Via branch (SIPE sends none inside a dialog, INVITE included), CSeq 1 for INVITE and
 * ACK then counting up, a From with tag and epid, and over TCP/TLS a Contact on a port nobody
 * listens on, so anything the server sends must come back on the client's connection. Over UDP the
 * Contact is the client's own socket, the only way a datagram can reach it.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (RawSip sip = RawSip.tcp(5060)) {
 *     ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false, "sip:alice@contoso.com");
 *     dialog.establish();
 *     RawSip.Msg ok = dialog.call("INFO", "<xccos .../>");      // the plain 200
 *     RawSip.Msg reply = dialog.answerRequest("INFO");          // the server's INFO, answered 200
 *     dialog.call("BYE", null);
 * }
 * }</pre>
 */
public final class ClientDialog {

    /** The From URI when none is given. */
    public static final String DEFAULT_FROM = "sip:alice@contoso.com";

    private static final String EPID = "c97532c1946f";

    private final RawSip sip;
    private final String target;
    private final boolean branch;
    private final String from;
    private final String callId =
            "call-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final String fromTag = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private final int deadContactPort;
    private String toTag;
    private String remoteTarget;
    private long cseq;

    /** A dialog from {@link #DEFAULT_FROM}. */
    public ClientDialog(RawSip sip, String target, boolean branch) throws IOException {
        this(sip, target, branch, DEFAULT_FROM);
    }

    /**
     * @param target the URI to INVITE (Request-URI and To)
     * @param branch whether Vias carry an RFC 3261 branch; SIPE's carry none
     * @param from the client's own URI, {@code sip:user@domain}
     */
    public ClientDialog(RawSip sip, String target, boolean branch, String from) throws IOException {
        this.sip = sip;
        this.target = target;
        this.remoteTarget = target;
        this.branch = branch;
        this.from = from;
        try (ServerSocket unused = new ServerSocket(0)) {
            deadContactPort = unused.getLocalPort();
        }
    }

    /**
     * The text of the next request in this dialog; ACK reuses the last CSeq number, every other
     * method takes the next one. A body gets {@code Content-Type: text/plain} (what SIPE sends
     * XCCOS as) unless an extra header sets another.
     */
    public String request(String method, String body, String... extraHeaders) {
        long number = "ACK".equals(method) ? cseq : ++cseq;
        String transport = sip.transport();
        StringBuilder m = new StringBuilder();
        m.append(method).append(' ').append(remoteTarget).append(" SIP/2.0\r\n");
        m.append("Via: SIP/2.0/").append(transport).append(' ').append(hostPort(sip.localHost(), sip.localPort()));
        if (branch) {
            m.append(";branch=z9hG4bK")
                    .append(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        m.append("\r\n");
        m.append("From: <")
                .append(from)
                .append(">;tag=")
                .append(fromTag)
                .append(";epid=")
                .append(EPID)
                .append("\r\n");
        m.append("To: <")
                .append(target)
                .append('>')
                .append(toTag == null ? "" : ";tag=" + toTag)
                .append("\r\n");
        m.append("Max-Forwards: 70\r\n");
        m.append("CSeq: ").append(number).append(' ').append(method).append("\r\n");
        m.append("Call-ID: ").append(callId).append("\r\n");
        int contactPort = "UDP".equals(transport) ? sip.localPort() : deadContactPort;
        m.append("Contact: <")
                .append(from)
                .append(':')
                .append(contactPort)
                .append(";maddr=")
                .append(sip.localHost())
                .append(";transport=")
                .append(transport.toLowerCase(Locale.ROOT))
                .append(">;proxy=replace\r\n");
        boolean typed = false;
        for (String header : extraHeaders) {
            m.append(header).append("\r\n");
            typed |= header.regionMatches(true, 0, "Content-Type:", 0, 13);
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (content.length > 0 && !typed) {
            m.append("Content-Type: text/plain\r\n");
        }
        m.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        if (body != null) {
            m.append(body);
        }
        return m.toString();
    }

    /**
     * INVITE (with SIPE's SDP and {@code Supported: ms-sender}), its 200, remembering the To tag
     * and the Contact as the target of later requests, and the ACK.
     *
     * @return the 200 OK
     * @throws AssertionError when the INVITE gets anything but 200
     */
    public RawSip.Msg establish() throws IOException {
        cseq = 0;
        String host = sip.localHost();
        String sdp = "v=0\r\no=- 0 0 IN IP4 " + host + "\r\ns=session\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=message " + sip.localPort() + " sip null\r\na=accept-types:text/plain text/html\r\n";
        RawSip.Msg ok = call("INVITE", sdp, "Supported: ms-sender", "Content-Type: application/sdp");
        if (ok.status() != 200) {
            throw new AssertionError("INVITE " + target + " got " + ok);
        }
        toTag = ok.param("To", "tag");
        remoteTarget = ok.uri("Contact");
        sip.send(request("ACK", null));
        return ok;
    }

    /** Sends a request and waits for its final response (same CSeq); anything else arriving is held. */
    public RawSip.Msg call(String method, String body, String... extraHeaders) throws IOException {
        sip.send(request(method, body, extraHeaders));
        return sip.response(cseq + " " + method);
    }

    /** Waits for the server's next request of that method and answers it 200 OK. */
    public RawSip.Msg answerRequest(String method) throws IOException {
        RawSip.Msg request = sip.request(method);
        sip.send(request.ok());
        return request;
    }

    public RawSip sip() {
        return sip;
    }

    public String target() {
        return target;
    }

    public String from() {
        return from;
    }

    public String callId() {
        return callId;
    }

    public String fromTag() {
        return fromTag;
    }

    /** The server's tag, once {@link #establish()} has run (or {@link #setToTag} was called). */
    public String toTag() {
        return toTag;
    }

    /** Pretends to be inside a dialog, e.g. one the server never made (expect 481). */
    public void setToTag(String toTag) {
        this.toTag = toTag;
    }

    /** The Request-URI of the next request: the target, then the server's Contact. */
    public String remoteTarget() {
        return remoteTarget;
    }

    /** Sets the Request-URI of later requests, e.g. the Contact of a 200 the caller read itself. */
    public void setRemoteTarget(String remoteTarget) {
        this.remoteTarget = remoteTarget;
    }

    /** The CSeq number of the last request sent. */
    public long cseq() {
        return cseq;
    }

    /** Rewinds or advances the CSeq counter: the next request takes {@code cseq + 1}. */
    public void setCSeq(long cseq) {
        this.cseq = cseq;
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
