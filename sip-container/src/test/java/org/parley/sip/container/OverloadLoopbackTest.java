package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

class OverloadLoopbackTest {

    @TempDir
    Path dir;

    private static void awaitIdle(SipConnector connector) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connector.getQueuedRequestCount() > 0) {
            assertThat(System.nanoTime()).as("connector idle within 10 s").isLessThan(deadline);
            Thread.yield();
        }
    }

    @Test
    void beyondTheBoundRequestsGet503WithRetryAfterAndNoServlet() throws Exception {
        try (Loopback server = new Loopback(dir, b -> b.maxQueuedRequests(1).retryAfterSeconds(7));
                RawSip first = server.client("TCP");
                RawSip second = server.client("TCP")) {
            ClientDialog busy = new ClientDialog(first, "sip:ocschat@contoso.com", false);
            busy.establish();
            // The INVITE's task may still count against the bound for a moment after its 200 went out.
            awaitIdle(server.connector);
            first.send(busy.request("INFO", "block"));
            assertThat(server.servlet.blocked.await(10, TimeUnit.SECONDS)).isTrue();

            RawSip.Msg refused = new ClientDialog(second, "sip:ocschat@contoso.com", true).call("INVITE", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("7");

            server.servlet.release.countDown();
            assertThat(first.response().status()).isEqualTo(200);
            assertThat(server.servlet.infos).containsExactly("block");
            // The blocked task counts against the bound until it returns, a moment after its 200 went out.
            awaitIdle(server.connector);
            assertThat(new ClientDialog(second, "sip:ocschat@contoso.com", true)
                            .call("INVITE", null)
                            .status())
                    .isEqualTo(200);
        }
    }
}
