package org.parley.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/** The relay's run loop: full batches are followed by another, a failed batch leaves the rest for the next run. */
class ComplianceRelayTest {

    /** An outbox whose batches are scripted: each call answers the next size, or throws. */
    static final class ScriptedOutbox extends ComplianceOutbox {
        final Deque<IntSupplier> batches = new ArrayDeque<>();
        int calls;

        @Override
        public int relayBatch() {
            calls++;
            return batches.isEmpty() ? 0 : batches.poll().getAsInt();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ComplianceRelay relayOver(ScriptedOutbox outbox) {
        ComplianceRelay relay = new ComplianceRelay();
        relay.outbox = outbox;
        relay.meters = ParleyMeters.on(registry);
        return relay;
    }

    private double queued() {
        return registry.get("parley.compliance.events.queued").counter().count();
    }

    /** The relays a scheduler was asked for, each with its delay, run when the test says. */
    static final class Schedule {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        ManagedScheduledExecutorService executor() {
            return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {ManagedScheduledExecutorService.class},
                    (self, method, arguments) -> {
                        if (!method.getName().equals("schedule") || !(arguments[0] instanceof Runnable task)) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        tasks.add(task);
                        delays.add(((TimeUnit) arguments[2]).toMillis((Long) arguments[1]));
                        return null;
                    });
        }
    }

    @Test
    void thePostsOfATenthOfASecondLeaveInOneBatch() {
        ScriptedOutbox outbox = new ScriptedOutbox();
        outbox.batches.add(() -> 24);
        Schedule schedule = new Schedule();
        ComplianceRelay relay = relayOver(outbox);
        relay.scheduler = schedule.executor();

        for (int post = 0; post < 24; post++) {
            relay.wake(); // 240 posts/s for a tenth of a second, each committing its event
        }

        assertThat(schedule.tasks).as("one relay for all of them").hasSize(1);
        // Each batch is an XA transaction here and one in the compliance service, whatever its size: lingering 5 ms
        // made batches of one or two events at 240 posts/s (#12).
        assertThat(schedule.delays.get(0)).as("the linger in ms").isGreaterThanOrEqualTo(100);
        schedule.tasks.get(0).run();
        assertThat(outbox.calls).isEqualTo(1);
        assertThat(queued()).isEqualTo(24);

        relay.wake();
        assertThat(schedule.tasks)
                .as("a commit after the relay ran wakes the next one")
                .hasSize(2);
    }

    @Test
    void fullBatchesAreFollowedUntilAShortOne() {
        ScriptedOutbox outbox = new ScriptedOutbox();
        outbox.batches.add(() -> ComplianceOutbox.BATCH_SIZE);
        outbox.batches.add(() -> ComplianceOutbox.BATCH_SIZE);
        outbox.batches.add(() -> 3);
        outbox.batches.add(() -> 7); // must not be taken in this run: the outbox was empty after the short batch

        relayOver(outbox).relay();

        assertThat(outbox.calls).isEqualTo(3);
        assertThat(outbox.batches.size()).isEqualTo(1);
        assertThat(queued()).as("the events relayed, counted once each").isEqualTo(2 * ComplianceOutbox.BATCH_SIZE + 3);
    }

    @Test
    void aFailedBatchEndsTheRunQuietlyAndTheNextRunRelaysAgain() {
        ScriptedOutbox outbox = new ScriptedOutbox();
        outbox.batches.add(() -> ComplianceOutbox.BATCH_SIZE);
        outbox.batches.add(() -> {
            throw new IllegalStateException("broker down");
        });
        outbox.batches.add(() -> 2);
        ComplianceRelay relay = relayOver(outbox);

        relay.relay(); // the sweep's thread must survive a failed batch
        assertThat(outbox.calls).isEqualTo(2);
        assertThat(queued()).as("a failed batch is not counted").isEqualTo(ComplianceOutbox.BATCH_SIZE);

        relay.relay(); // what the failed batch left is taken by the next run (the sweep)
        assertThat(outbox.calls).isEqualTo(3);
        assertThat(outbox.batches.size()).isEqualTo(0);
        assertThat(queued()).isEqualTo(ComplianceOutbox.BATCH_SIZE + 2);
    }
}
