package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/** What the layer answers on its own, over TCP, and that the connector survives bad input. */
class ErrorsLoopbackTest {

    @TempDir
    Path dir;

    Loopback server;

    @BeforeEach
    void start() throws Exception {
        server = new Loopback(dir, b -> b.maxContentLength(1000)
                .ackTimeout(java.time.Duration.ofSeconds(1))
                .sweepInterval(java.time.Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void unknownUserIs404AndOtherDomainToo() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            assertThat(new ClientDialog(sip, "sip:nobody@contoso.com", true)
                            .call("INVITE", null)
                            .status())
                    .isEqualTo(404);
            assertThat(new ClientDialog(sip, "sip:ocschat@elsewhere.org", true)
                            .call("INVITE", null)
                            .status())
                    .isEqualTo(404);
            assertThat(new ClientDialog(sip, "sip:OCSChat@Contoso.com", true)
                            .call("INVITE", null)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void methodWithoutHandlerIs405WithAllowAndUnknownMethodIs501() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            RawSip.Msg notAllowed = new ClientDialog(sip, "sip:ocschat@contoso.com", true).call("MESSAGE", "hi");
            assertThat(notAllowed.status()).isEqualTo(405);
            assertThat(notAllowed.header("Allow"))
                    .contains("INVITE", "INFO", "REGISTER", "BYE", "ACK")
                    .doesNotContain("MESSAGE");
            assertThat(new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                            .call("BENOTIFY", null)
                            .status())
                    .isEqualTo(501);
            assertThat(new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                            .call("REGISTER", null)
                            .header("Expires"))
                    .isEqualTo("7200");
        }
    }

    @Test
    void unknownDialogIs481AndOversizedBodyIs413() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.setToTag("nosuchtag");
            assertThat(dialog.call("INFO", "x").status()).isEqualTo(481);
            assertThat(dialog.call("INFO", "x".repeat(1001)).status()).isEqualTo(413);
        }
    }

    @Test
    void branchlessDialogWithOutOfOrderCSeqAndServletFailure() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            assertThat(dialog.call("INFO", "a").status()).isEqualTo(200);
            assertThat(dialog.call("INFO", "throw").status()).isEqualTo(500);
            dialog.setCSeq(1);
            assertThat(dialog.call("INFO", "old").status()).isEqualTo(500);
            assertThat(server.servlet.infos).containsExactly("a", "throw");
        }
    }

    @Test
    void malformedRequestIs400AndGarbageOnlyCostsThatConnection() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            sip.send(dialog.request("OPTIONS", null).replace("Max-Forwards: 70\r\n", ""));
            assertThat(sip.response().status()).isEqualTo(400);
            // JAIN-SIP answers this one itself, then drops the connection.
            sip.send(dialog.request("INFO", null).replace("CSeq: 2 INFO", "CSeq: 2 BYE"));
            assertThat(sip.response().status()).isEqualTo(400);
        }
        try (RawSip garbage = server.client("TCP")) {
            garbage.sendBytes("INVITE nonsense\r\nVia: ???\r\nCSeq: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(garbage::receive).isInstanceOf(java.io.IOException.class);
        }
        try (RawSip sip = server.client("TCP")) {
            assertThat(new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                            .call("OPTIONS", null)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void unacknowledgedDialogIsPurged() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            assertThat(dialog.call("INVITE", null).status()).isEqualTo(200);
            assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.ACK_TIMEOUT);
            assertThat(server.connector.getSessionCount()).isZero();
        }
    }

    @Test
    void serverRequestAnswered481EndsTheSession() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            assertThat(dialog.call("INFO", "echo").status()).isEqualTo(200);
            RawSip.Msg info = sip.receive();
            sip.send(info.response(481, "Call Leg/Transaction Does Not Exist"));
            assertThat(server.servlet.sent.take().get().getStatus()).isEqualTo(481);
            assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.PEER_LOST_DIALOG);
        }
    }

    @Test
    void stopFreesThePortsForTheNextConnector() throws Exception {
        server.connector.stop();
        server.connector.start();
        try (RawSip sip = server.client("TCP")) {
            assertThat(new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                            .call("OPTIONS", null)
                            .status())
                    .isEqualTo(200);
        }
    }
}
