package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import gov.nist.javax.sip.message.SIPMessage;

import org.junit.jupiter.api.Test;

/** Which repeated headers make a message malformed, whatever their spelling (#12: names read in place). */
class StrictMessageParserTest {

    private static final String START = "INFO sip:ocschat@contoso.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK1\r\n"
            + "Max-Forwards: 70\r\n";

    private static final String ONCE = "Call-ID: abc\r\nCSeq: 2 INFO\r\nFrom: <sip:a@contoso.com>;tag=1\r\n"
            + "To: <sip:ocschat@contoso.com>;tag=2\r\n";

    @Test
    void aHeaderThatAppearsOnceIsAFaultTheSecondTimeInAnySpelling() throws Exception {
        assertThat(fault(ONCE + "i: abc\r\n")).isEqualTo("Call-ID header more than once");
        assertThat(fault(ONCE + "CALL-ID : abc\r\n")).isEqualTo("Call-ID header more than once");
        assertThat(fault(ONCE + "cseq: 2 INFO\r\n")).isEqualTo("CSeq header more than once");
        assertThat(fault(ONCE + "f: <sip:b@contoso.com>;tag=3\r\n")).isEqualTo("From header more than once");
        assertThat(fault(ONCE + "t:<sip:b@contoso.com>\r\n")).isEqualTo("To header more than once");
        assertThat(fault(ONCE + "Content-Length: 0\r\nL: 0\r\n")).isEqualTo("Content-Length header more than once");
    }

    @Test
    void otherHeadersMayRepeat() throws Exception {
        assertThat(fault(ONCE + "Content-Length: 0\r\n")).isNull();
        assertThat(fault(ONCE + "Contact: <sip:a@h>\r\nContact: <sip:b@h>\r\nSupported: x\r\nSupported: y\r\n"))
                .isNull();
        assertThat(fault(ONCE + "Call-Info: <http://x>\r\nTo-Do: x\r\nX-From: y\r\nCSeqs: 1\r\n"))
                .isNull();
    }

    @Test
    void aNulByteIsAFault() throws Exception {
        assertThat(fault(ONCE + "Subject: a\0b\r\n")).isEqualTo("NUL byte in a header");
    }

    private static String fault(String headers) throws Exception {
        byte[] bytes = (START + headers + "\r\n").getBytes(StandardCharsets.UTF_8);
        SIPMessage message = new StrictMessageParser().parseSIPMessage(bytes, true, false, null);
        return StrictMessageParser.fault(message);
    }
}
