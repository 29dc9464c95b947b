package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Where the answer to one of our in-dialog requests completes its stage: a 200 where nothing of ours waits behind it
 * completes on the transport's thread, without waiting for the dialog's queue (busy here with a blocked request);
 * one that lets a waiting request go completes on the dialog's queue, which sends the next one.
 */
class OutboundCompletionLoopbackTest {

    @TempDir
    Path dir;

    @Test
    void aSuccessWithNothingWaitingCompletesWithoutTheDialogsQueue() throws Exception {
        try (Loopback server = new Loopback(dir);
                RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            assertThat(dialog.call("INFO", "echo").status()).isEqualTo(200);
            RawSip.Msg echo = sip.receive();
            CompletableFuture<SipServletResponse> stage = server.servlet.sent.poll(10, TimeUnit.SECONDS);
            sip.send(dialog.request("INFO", "block"));
            assertThat(server.servlet.blocked.await(10, TimeUnit.SECONDS)).isTrue();

            sip.send(echo.ok());

            assertThat(stage.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(server.servlet.release.getCount())
                    .as("the dialog's queue still busy")
                    .isEqualTo(1);
            server.servlet.release.countDown();
            assertThat(sip.response().status()).isEqualTo(200);
        }
    }

    @Test
    void aSuccessThatLetsAWaitingRequestGoCompletesOnTheDialogsQueue() throws Exception {
        try (Loopback server = new Loopback(dir, b -> b.maxOutboundInFlight(1));
                RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            assertThat(dialog.call("INFO", "flood 2").status()).isEqualTo(200);
            RawSip.Msg first = sip.receive(); // the second waits behind it: one in flight
            CompletableFuture<SipServletResponse> firstStage = server.servlet.sent.poll(10, TimeUnit.SECONDS);
            sip.send(dialog.request("INFO", "block"));
            assertThat(server.servlet.blocked.await(10, TimeUnit.SECONDS)).isTrue();

            sip.send(first.ok());

            assertThatThrownBy(() -> firstStage.get(500, TimeUnit.MILLISECONDS))
                    .as("completed behind the blocked request")
                    .isInstanceOf(TimeoutException.class);
            server.servlet.release.countDown();
            assertThat(sip.response().status()).isEqualTo(200);
            assertThat(firstStage.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            RawSip.Msg second = sip.receive();
            assertThat(second.body()).isEqualTo("flood:2");
            sip.send(second.ok());
            assertThat(server.servlet
                            .sent
                            .poll(10, TimeUnit.SECONDS)
                            .get(10, TimeUnit.SECONDS)
                            .getStatus())
                    .isEqualTo(200);
        }
    }
}
