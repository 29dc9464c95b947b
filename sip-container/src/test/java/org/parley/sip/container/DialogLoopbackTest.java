package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/** A whole dialog as SIPE runs it, over each transport, against a started connector. */
class DialogLoopbackTest extends LoopbackServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP", "TLS"})
    void inviteInfoServerInfoUpdateBye(String transport) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", !"TCP".equals(transport));
            RawSip.Msg ok = dialog.establish();
            assertThat(ok.param("To", "tag")).isNotBlank();
            assertThat(ok.header("Contact"))
                    .contains("sip:ocschat@127.0.0.1:")
                    .contains("transport=" + transport.toLowerCase());
            assertThat(ok.header("Session-Expires")).isEqualTo("900;refresher=uac");
            assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");

            assertThat(dialog.call("INFO", "echo 1").status()).isEqualTo(200);
            RawSip.Msg serverInfo = sip.receive();
            assertThat(serverInfo.method()).isEqualTo("INFO");
            assertThat(serverInfo.header("From"))
                    .startsWith("<sip:ocschat@contoso.com>")
                    .contains("tag=" + dialog.toTag());
            assertThat(serverInfo.header("To")).contains("tag=" + dialog.fromTag());
            assertThat(serverInfo.header("Call-ID")).isEqualTo(dialog.callId());
            assertThat(serverInfo.header("CSeq")).isEqualTo("1 INFO");
            assertThat(serverInfo.requestUri()).startsWith("sip:alice@contoso.com:");
            assertThat(serverInfo.body()).isEqualTo("reply:echo 1");
            sip.send(serverInfo.ok());
            SipServletResponse answer =
                    server.servlet.sent.poll(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
            assertThat(answer.getStatus()).isEqualTo(200);

            assertThat(dialog.call("INFO", "echo 2").status()).isEqualTo(200);
            RawSip.Msg second = sip.receive();
            assertThat(second.header("CSeq")).isEqualTo("2 INFO");
            sip.send(second.ok());

            RawSip.Msg update = dialog.call("UPDATE", null);
            assertThat(update.status()).isEqualTo(200);
            assertThat(update.header("Session-Expires")).isEqualTo("900;refresher=uac");

            assertThat(dialog.call("BYE", null).status()).isEqualTo(200);
            assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.BYE_RECEIVED);
            assertThat(dialog.call("INFO", "late").status()).isEqualTo(481);
            assertThat(server.connector.getSessionCount()).isZero();
        }
    }
}
