package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/** The NIO processors (issue #12): connections, TCP or TLS, cost the server no thread each. */
class NioMessageProcessorsTest {

    private static final int CONNECTIONS = 40;

    @TempDir
    Path dir;

    Loopback server;

    @BeforeEach
    void start() throws Exception {
        server = new Loopback(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void openConnectionsCostNoThreadEach() throws Exception {
        // Requests on each transport first, so that whatever starts once is running: the stack's threads, and
        // Loopback's pool of 8 (a fixed pool starts a thread per task until it is full).
        for (int i = 0; i < 10; i++) {
            try (RawSip sip = server.client(i % 2 == 0 ? "TCP" : "TLS")) {
                assertThat(options(sip)).isEqualTo(200);
            }
        }
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        List<RawSip> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                RawSip sip = server.client(i % 2 == 0 ? "TCP" : "TLS");
                open.add(sip);
                assertThat(options(sip)).isEqualTo(200);
            }
            int during = ManagementFactory.getThreadMXBean().getThreadCount();
            // The blocking processors took two threads per connection; a few may come and go meanwhile anyway.
            assertThat(during - before)
                    .as("threads for %d open connections", CONNECTIONS)
                    .isLessThan(5);
        } finally {
            for (RawSip sip : open) {
                sip.close();
            }
        }
    }

    private static int options(RawSip sip) throws Exception {
        return new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                .call("OPTIONS", null)
                .status();
    }
}
