package org.parley.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntSupplier;

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
