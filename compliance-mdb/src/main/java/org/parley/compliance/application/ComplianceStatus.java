package org.parley.compliance.application;

import java.time.Instant;
import java.util.List;

import org.parley.compliance.domain.AdapterProgress;

/**
 * The compliance service's health as {@link ComplianceAdministration} reports it.
 *
 * @param enabled            whether actions are recorded at all ({@code parley.compliance.enabled})
 * @param configuredAdapters the adapters every event must reach before it leaves the store, in order
 * @param outboxEvents       events recorded by the chat service and not yet relayed to the compliance queue
 * @param backlogEvents      events stored and not yet taken by every configured adapter
 * @param oldestBacklogEvent when the oldest of them was received; null when there are none
 * @param adapters           every adapter that ever ran, also ones no longer configured
 * @param deadLetters        messages that could not be stored: they are in no archive
 */
public record ComplianceStatus(
        boolean enabled,
        List<String> configuredAdapters,
        long outboxEvents,
        long backlogEvents,
        Instant oldestBacklogEvent,
        List<Adapter> adapters,
        DeadLetters deadLetters) {

    /** An adapter's progress, copied out of the compliance store's entity. */
    public record Adapter(
            String name,
            long lastEventId,
            long deliveredEvents,
            long failures,
            Instant lastRunAt,
            Instant lastSuccessAt,
            String lastError) {

        static Adapter of(AdapterProgress progress) {
            return new Adapter(
                    progress.adapterName(),
                    progress.lastEventId(),
                    progress.deliveredEvents(),
                    progress.failures(),
                    progress.lastRunAt(),
                    progress.lastSuccessAt(),
                    progress.lastError());
        }
    }

    /**
     * @param count        messages on the dead-letter queue, counted up to {@code countLimit}
     * @param countLimited true when there are more than that (the queue is browsed, not drained)
     * @param messages     the first few, oldest first
     */
    public record DeadLetters(int count, boolean countLimited, int countLimit, List<DeadLetter> messages) {}

    /**
     * @param eventType     the event's type as the sender labelled it
     * @param deliveryCount how often the receiver tried to store it; null when the broker does not say
     * @param body          the event as sent (JSON), cut at {@link DeadLetterQueue#BODY_LIMIT}
     */
    public record DeadLetter(String messageId, Instant sentAt, String eventType, Integer deliveryCount, String body) {}
}
