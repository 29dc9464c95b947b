package org.parley.sip.container;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of one dialog, writing requests the way SIPE does (appendix A of REAL-CLIENT.md):
 * Via without branch inside the dialog, CSeq 1 for INVITE and ACK then counting up, and a Contact on
 * a port nobody listens on, so anything the server sends must come back on the client's connection.
 */
final class ClientDialog {

    final RawSip sip;
    final String callId = "call-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    final String fromTag = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    final String target;
    final boolean branch;
    final int deadContactPort;
    String toTag;
    String remoteTarget;
    long cseq;

    ClientDialog(RawSip sip, String target, boolean branch) throws IOException {
        this.sip = sip;
        this.target = target;
        this.remoteTarget = target;
        this.branch = branch;
        try (ServerSocket unused = new ServerSocket(0)) {
            deadContactPort = unused.getLocalPort();
        }
    }

    String request(String method, String body, String... extraHeaders) {
        long number = "ACK".equals(method) ? cseq : ++cseq;
        String transport = sip.transport();
        StringBuilder m = new StringBuilder();
        m.append(method).append(' ').append(remoteTarget).append(" SIP/2.0\r\n");
        m.append("Via: SIP/2.0/").append(transport).append(" 127.0.0.1:").append(sip.localPort());
        if (branch) {
            m.append(";branch=z9hG4bK").append(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        m.append("\r\n");
        m.append("From: <sip:alice@contoso.com>;tag=").append(fromTag).append(";epid=c97532c1946f\r\n");
        m.append("To: <").append(target).append('>').append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
        m.append("Max-Forwards: 70\r\n");
        m.append("CSeq: ").append(number).append(' ').append(method).append("\r\n");
        m.append("Call-ID: ").append(callId).append("\r\n");
        int contactPort = "UDP".equals(transport) ? sip.localPort() : deadContactPort;
        m.append("Contact: <sip:alice@contoso.com:").append(contactPort).append(";maddr=127.0.0.1;transport=")
                .append(transport.toLowerCase()).append(">;proxy=replace\r\n");
        for (String header : extraHeaders) {
            m.append(header).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (content.length > 0) {
            m.append("Content-Type: text/plain\r\n");
        }
        m.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        if (body != null) {
            m.append(body);
        }
        return m.toString();
    }

    /** INVITE, its 200 (remembering To tag and Contact), and the ACK. */
    RawSip.Msg establish() throws IOException {
        cseq = 0;
        sip.send(request("INVITE", "v=0\r\n", "Supported: ms-sender"));
        RawSip.Msg ok = sip.response();
        if (ok.status() != 200) {
            throw new AssertionError("INVITE got " + ok);
        }
        toTag = ok.param("To", "tag");
        String contact = ok.header("Contact");
        remoteTarget = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        sip.send(request("ACK", null));
        return ok;
    }

    RawSip.Msg call(String method, String body, String... extraHeaders) throws IOException {
        sip.send(request(method, body, extraHeaders));
        return sip.response();
    }
}
