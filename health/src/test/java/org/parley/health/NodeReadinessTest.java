package org.parley.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NodeReadinessTest {

    private final AtomicBoolean suspended = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong();
    /** The background renewal, run when the test says. */
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();

    private final NodeReadiness readiness = new NodeReadiness(suspended::get, now::get) {
        @Override
        Executor executor() {
            return background::add;
        }
    };

    /** Asks, lets the renewal it started run, and asks again. */
    private boolean renewedAnswer() {
        readiness.ready();
        while (!background.isEmpty()) {
            background.poll().run();
        }
        return readiness.ready();
    }

    private final AtomicInteger probed = new AtomicInteger();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    private void allUp() {
        readiness.probes = new HealthProbes();
        for (String check : ParleyChecks.READINESS) {
            readiness.probes.register(check, () -> {
                probed.incrementAndGet();
                return HealthCheckResponse.up(check);
            });
        }
    }

    @Test
    void readyOnlyWhenEveryReadinessCheckIsUpAndTheServerRuns() {
        allUp();
        assertThat(readiness.ready())
                .as("the first question waits for its answer")
                .isTrue();
        assertThat(background).isEmpty();

        readiness.probes.withdraw(ParleyChecks.FILE_STORE);
        now.addAndGet(NodeReadiness.KEPT_NANOS);
        assertThat(renewedAnswer()).as("a module not started").isFalse();

        allUp();
        suspended.set(true);
        now.addAndGet(NodeReadiness.KEPT_NANOS);
        assertThat(renewedAnswer()).as("draining").isFalse();
    }

    @Test
    void theAskerNeverWaitsAndTheProbesRunAtMostOnceASecond() {
        allUp();
        renewedAnswer();
        for (int i = 0; i < 100; i++) {
            assertThat(readiness.ready()).isTrue();
        }
        assertThat(background).as("nothing to renew within the second").isEmpty();
        assertThat(probed.get()).isEqualTo(ParleyChecks.READINESS.size());

        now.addAndGet(NodeReadiness.KEPT_NANOS);
        readiness.probes.withdraw(ParleyChecks.CHAT_STORE);
        for (int i = 0; i < 100; i++) {
            assertThat(readiness.ready())
                    .as("the last answer, while the renewal waits")
                    .isTrue();
        }
        assertThat(background).as("one renewal, however many ask").hasSize(1);
        background.poll().run();
        assertThat(readiness.ready()).isFalse();
    }
}
