package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * A client's answer to one of our in-dialog requests over TCP or TLS is read without JAIN-SIP's parser (#12), and
 * what that reading must keep: a malformed answer is dropped (not acted upon: a 481 would end the dialog), the
 * request completes with the real one, which answers what JAIN-SIP's parse would have, and the dialog goes on.
 */
class LeanResponseLoopbackTest extends LoopbackServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void aClientsAnswerIsReadLeanAndAMalformedOneIsDropped(String transport) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            assertThat(dialog.call("INFO", "flood 2").status()).isEqualTo(200);
            sip.send(sip.request("INFO").ok());
            assertThat(nextAnswer().getStatus()).isEqualTo(200);

            RawSip.Msg second = sip.request("INFO");
            String ok = second.ok();
            String malformed = second.response(481, "Call Leg/Transaction Does Not Exist")
                    .replace("Call-ID: ", "Call-ID: other-" + dialog.callId() + "\r\nCall-ID: ");
            sip.send(malformed);
            sip.send(ok);
            SipServletResponse answer = nextAnswer();
            assertThat(answer.getStatus()).isEqualTo(200);
            assertThat(answer).isInstanceOf(IncomingResponse.Lean.class);
            assertThat(answer.getCallId()).isEqualTo(dialog.callId());
            assertThat(answer.getMethod()).isEqualTo("INFO");
            assertThat(answer.getCSeq()).isEqualTo(second.cseqNumber());
            assertThat(answer.getRemoteAddr()).isEqualTo("127.0.0.1");
            assertThat(answer.getRemotePort()).isEqualTo(sip.localPort());
            assertThat(answer.getHeader("f")).isEqualTo(second.header("From"));
            assertThat(answer.getHeader("Contact")).isNull();
            // What the head does not answer, JAIN-SIP's parse of the same bytes does.
            assertThat(answer.getHeaderNames()).contains("Via", "From", "To", "Call-ID", "CSeq");
            assertThat(answer.getFrom().getURI().toString()).isEqualTo(second.uri("From"));

            assertThat(dialog.call("INFO", "after").status()).isEqualTo(200);
            assertThat(server.servlet.infos).containsExactly("flood 2", "after");
        }
    }

    @Test
    void overUdpTheAnswerGoesThroughJainSipAsBefore() throws Exception {
        try (RawSip sip = server.client("UDP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            assertThat(dialog.call("INFO", "echo").status()).isEqualTo(200);
            sip.send(sip.request("INFO").ok());
            SipServletResponse answer = nextAnswer();
            assertThat(answer.getStatus()).isEqualTo(200);
            assertThat(answer).isNotInstanceOf(IncomingResponse.Lean.class);
        }
    }

    private SipServletResponse nextAnswer() throws Exception {
        return server.servlet
                .sent
                .poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
