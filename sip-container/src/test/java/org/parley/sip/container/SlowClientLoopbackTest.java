package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.servlet.SipRequestFailedException;
import org.parley.sip.servlet.SipRequestFailedException.Kind;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The slow-client policy: each dialog keeps at most {@value #IN_FLIGHT} of our requests unanswered and
 * {@value #QUEUED} waiting behind them; a peer that lets more pile up is dropped (BYE, dialog ended with
 * OUTBOUND_OVERFLOW), and the others are served as before. A peer that answers gets every request, in order.
 */
class SlowClientLoopbackTest {

    static final int IN_FLIGHT = 4;
    static final int QUEUED = 8;

    @TempDir
    Path dir;

    Loopback server;

    @BeforeEach
    void start() throws Exception {
        server = new Loopback(dir, b -> b.maxOutboundInFlight(IN_FLIGHT).maxOutboundQueue(QUEUED));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aPeerThatAnswersGetsEveryRequestInOrderThroughTheBoundedWindow() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            int count = IN_FLIGHT + QUEUED; // all fit: the window and the queue
            assertThat(dialog.call("INFO", "flood " + count).status()).isEqualTo(200);
            List<String> bodies = new ArrayList<>();
            List<Long> cseqs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RawSip.Msg info = sip.receive();
                bodies.add(info.body());
                cseqs.add(Long.parseLong(info.header("CSeq").split(" ")[0]));
                sip.send(info.ok());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                expected.add("flood:" + i);
            }
            assertThat(bodies).isEqualTo(expected);
            assertThat(cseqs).isSorted();
            for (int i = 0; i < count; i++) {
                assertThat(server.servlet
                                .sent
                                .poll(10, TimeUnit.SECONDS)
                                .get(10, TimeUnit.SECONDS)
                                .getStatus())
                        .isEqualTo(200);
            }
            assertThat(server.ended).isEmpty();
        }
    }

    @Test
    void aPeerThatDoesNotAnswerIsDroppedAndTheOthersAreServed() throws Exception {
        try (RawSip slow = server.client("TCP");
                RawSip other = server.client("TCP")) {
            ClientDialog slowDialog = new ClientDialog(slow, "sip:ocschat@contoso.com", false);
            slowDialog.establish();
            ClientDialog otherDialog = new ClientDialog(other, "sip:ocschat@contoso.com", false);
            otherDialog.establish();

            // One more than the window and the queue hold: the last one overflows.
            assertThat(slowDialog
                            .call("INFO", "flood " + (IN_FLIGHT + QUEUED + 1))
                            .status())
                    .isEqualTo(200);

            assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.OUTBOUND_OVERFLOW);
            // The slow peer saw the window's requests only, then our BYE; nothing of what waited was sent.
            List<String> seen = new ArrayList<>();
            RawSip.Msg message;
            do {
                message = slow.receive();
                seen.add(message.method() + " " + message.body());
            } while (!"BYE".equals(message.method()));
            assertThat(seen).hasSize(IN_FLIGHT + 1);
            // What waited fails at once (it is not sent), and so does the request that overflowed.
            int failed = 0;
            for (int i = 0; i < IN_FLIGHT + QUEUED + 1; i++) {
                CompletableFuture<SipServletResponse> result = server.servlet.sent.poll(10, TimeUnit.SECONDS);
                assertThat(result).isNotNull();
                if (i >= IN_FLIGHT) {
                    assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(QUEUED + 1);

            // The other peer is served as before.
            assertThat(otherDialog.call("INFO", "echo still here").status()).isEqualTo(200);
            RawSip.Msg echo = other.receive();
            assertThat(echo.body()).isEqualTo("reply:echo still here");
            other.send(echo.ok());
        }
    }

    @Test
    void aRequestAnsweredOnlyProvisionallyTimesOutAndEndsItsDialog() throws Exception {
        Duration timeout = Duration.ofMillis(1500);
        try (Loopback timing =
                        new Loopback(Files.createDirectories(dir.resolve("timing")), b -> b.responseTimeout(timeout));
                RawSip sip = timing.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            dialog.establish();
            assertThat(dialog.call("INFO", "echo anyone").status()).isEqualTo(200);
            RawSip.Msg info = sip.request("INFO");
            sip.send(info.response(100, "Trying"));
            long sent = System.nanoTime();

            CompletableFuture<SipServletResponse> result = timing.servlet.sent.poll(10, TimeUnit.SECONDS);
            assertThat(result).isNotNull();
            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SipRequestFailedException.class)
                    .extracting(failure -> ((SipRequestFailedException) failure).getKind())
                    .isEqualTo(Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - sent))
                    .as("not before the response timeout")
                    .isGreaterThanOrEqualTo(timeout.minusMillis(100));
            assertThat(timing.nextEnd()).isEqualTo(SipSessionEndReason.TIMEOUT);
        }
    }
}
