package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean reader of our requests' responses (#12) against JAIN-SIP's parse of the same bytes: what the container
 * and the interceptors read is the same, the same inputs are malformed for the same reason, and what it does not
 * read plainly is left to JAIN-SIP.
 */
class ResponseHeadTest {

    /** As the test kit's client answers a server INFO. */
    private static final String TESTKIT = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-pl1a2b-7;rport=5060\r\n"
            + "From: <sip:ocschat@contoso.com>;tag=5f3a\r\n"
            + "To: <sip:alice@contoso.com>;tag=77;epid=01\r\n"
            + "Call-ID: 4c1d2e@127.0.0.1\r\n"
            + "CSeq: 12 INFO\r\n"
            + "Content-Length: 0\r\n\r\n";

    /** As pidgin-sipe answers a server INFO on a signed-in connection (docs/protocol/real-client.md §4.2). */
    private static final String SIPE = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-pl9-42, SIP/2.0/TLS 192.0.2.9:5061;branch=z9hG4bKx\r\n"
            + "From: \"Chat\" <sip:ocschat@contoso.com>;tag=abc\r\n"
            + "To: <sip:alice@contoso.com>;tag=0b7d1f44;epid=e8a9a1c6e9\r\n"
            + "Call-ID: 0d2c5e@192.0.2.1\r\n"
            + "CSeq: 7 info\r\n"
            + "Authorization: NTLM qop=\"auth\", opaque=\"8D1E2F01\", realm=\"SIP Communications Service\", "
            + "targetname=\"parley.contoso.com\", crand=\"5a3c\", cnum=\"12\", response=\"01000000a1b2c3d4\"\r\n"
            + "User-Agent: UCCAPI/15.0.4481.1000 OC/15.0.4481.1000 (Microsoft Lync)\r\n"
            + "Expires: 7200\r\n"
            + "Contact: <sip:alice@contoso.com;transport=tls>, <sip:alice@192.0.2.8:5000;transport=tls>\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: 5\r\n\r\nhello";

    /** In compact form and odd spacing, with a status and no reason phrase. */
    private static final String COMPACT = "SIP/2.0 481 \r\n"
            + "v: SIP/2.0/TCP 127.0.0.1:5060;BRANCH=z9hG4bK-pl3-1\r\n"
            + "f:<sip:ocschat@contoso.com>;tag=1\r\n"
            + "t : <sip:bob@contoso.com>;tag=2\r\n"
            + "i:  call-9  \r\n"
            + "CSeq: 3 INFO\r\n"
            + "l: 0\r\n\r\n";

    @ParameterizedTest
    @ValueSource(strings = {TESTKIT, SIPE, COMPACT})
    void readsWhatJainSipReadsOfTheSameBytes(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SIPResponse jain = (SIPResponse) new StrictMessageParser().parseSIPMessage(bytes, true, false, null);
        ResponseHead lean = ResponseHead.read(bytes, bytes.length);

        assertThat(lean).isNotNull();
        assertThat(lean.fault()).isNull();
        assertThat(lean.status()).isEqualTo(jain.getStatusCode());
        assertThat(lean.reasonPhrase()).isEqualTo(jain.getReasonPhrase());
        assertThat(lean.topViaBranch()).isEqualTo(((Via) jain.getTopmostVia()).getBranch());
        assertThat(lean.callId()).isEqualTo(jain.getCallId().getCallId());
        assertThat(lean.cseqNumber()).isEqualTo(jain.getCSeq().getSeqNumber());
        assertThat(lean.cseqMethod()).isEqualTo(jain.getCSeq().getMethod());
        assertThat(lean.bodyLength()).isEqualTo(jain.getContentLength().getContentLength());
        // The headers the interceptors read: the same text, but for the spacing JAIN-SIP normalises.
        for (String name : List.of("Call-ID", "CSeq", "Expires", "Authorization")) {
            String jainValue = jain.getHeader(name) == null ? null : Headers.value(jain.getHeader(name));
            assertThat(squeezed(lean.header(name))).as(name).isEqualTo(squeezed(jainValue));
        }
        // JAIN-SIP puts an address's parameters in its own order: the same URI and parameters.
        for (String name : List.of("From", "To")) {
            assertThat(address(lean.header(name))).as(name).isEqualTo(address(Headers.value(jain.getHeader(name))));
        }
        assertThat(lean.has("Contact")).isEqualTo(jain.getHeader("Contact") != null);
        assertThat(lean.has("P-Asserted-Identity")).isFalse();
    }

    @Test
    void aResponseIsMalformedForTheSameReasonsAsThroughStrictMessageParser() throws Exception {
        String once = "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-pl1-1\r\n"
                + "Call-ID: abc\r\nCSeq: 2 INFO\r\nFrom: <sip:a@contoso.com>;tag=1\r\nTo: <sip:b@contoso.com>;tag=2\r\n";
        for (String extra : List.of(
                "i: abc\r\n",
                "CALL-ID : abc\r\n",
                "cseq: 2 INFO\r\n",
                "f: <sip:b@contoso.com>;tag=3\r\n",
                "t:<sip:b@contoso.com>\r\n",
                "Content-Length: 0\r\nL: 0\r\n",
                "Subject: a\0b\r\n",
                "Content-Length: 0\r\n",
                "Contact: <sip:a@h>\r\nContact: <sip:b@h>\r\nX-From: y\r\nCSeqs: 1\r\n")) {
            byte[] bytes = (once + extra + "\r\n").getBytes(StandardCharsets.UTF_8);
            SIPMessage jain = new StrictMessageParser().parseSIPMessage(bytes, true, false, null);
            ResponseHead lean = ResponseHead.read(bytes, bytes.length);
            assertThat(lean).as(extra).isNotNull();
            assertThat(lean.fault()).as(extra).isEqualTo(StrictMessageParser.fault(jain));
        }
    }

    @Test
    void leavesToJainSipWhatItDoesNotReadPlainly() {
        String via = "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-pl1-1\r\n";
        String rest = "From: <sip:a@contoso.com>;tag=1\r\nTo: <sip:b@contoso.com>;tag=2\r\n";
        for (String text : List.of(
                "INFO sip:a@contoso.com SIP/2.0\r\n" + via + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 2000 OK\r\n" + via + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 099 Early\r\n" + via + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "CSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "Call-ID: c\r\nCSeq: one INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "Call-ID: c\r\n  folded\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "Call-ID: c\r\nno colon\r\nCSeq: 1 INFO\r\n\r\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n\n",
                "SIP/2.0 200 OK\r\n" + via + rest + "Call-ID: c\r\nCSeq: 1 INFO\r\n")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(ResponseHead.read(bytes, bytes.length)).as(text).isNull();
        }
    }

    @Test
    void answersOnlyTheHeadersJainSipDoesNotSplitIntoValues() {
        assertThat(ResponseHead.answers("authorization")).isTrue();
        assertThat(ResponseHead.answers("i")).isTrue();
        assertThat(ResponseHead.answers("Contact")).isFalse();
        assertThat(ResponseHead.answers("P-Asserted-Identity")).isFalse();
        assertThat(ResponseHead.answers("Via")).isFalse();
    }

    /** The URI between angle brackets, then the parameters after them, sorted. */
    private static List<String> address(String value) {
        String uri = value.substring(value.indexOf('<') + 1, value.indexOf('>'));
        List<String> parts = new java.util.ArrayList<>(
                List.of(value.substring(value.indexOf('>') + 1).split(";")));
        parts.removeIf(String::isBlank);
        parts.replaceAll(String::trim);
        parts.sort(null);
        parts.add(0, uri);
        return parts;
    }

    private static String squeezed(String value) {
        return value == null ? null : value.replace(" ", "").replace("\t", "");
    }
}
