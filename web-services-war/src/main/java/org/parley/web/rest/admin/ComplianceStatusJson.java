package org.parley.web.rest.admin;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.parley.compliance.application.ComplianceStatus;

/**
 * The compliance service's health.
 *
 * @param enabled             whether actions are recorded at all ({@code PARLEY_COMPLIANCE_ENABLED})
 * @param configuredAdapters  the adapters every event must reach before it leaves the store, in order
 * @param outboxEvents        events recorded by the chat service and not yet relayed to the compliance queue
 *                            (its outbox in the chat store); a number that keeps growing means the relay fails
 * @param backlogEvents       events stored and not yet taken by every configured adapter
 * @param oldestBacklogEvent  when the oldest of them was received; null when there are none
 * @param adapters            every adapter that ever ran, also ones no longer configured
 * @param deadLetters         messages that could not be stored: they are in no archive
 */
@JsonbPropertyOrder({
    "enabled",
    "configuredAdapters",
    "outboxEvents",
    "backlogEvents",
    "oldestBacklogEvent",
    "adapters",
    "deadLetters"
})
public record ComplianceStatusJson(
        boolean enabled,
        List<String> configuredAdapters,
        long outboxEvents,
        long backlogEvents,
        Instant oldestBacklogEvent,
        List<Adapter> adapters,
        DeadLetters deadLetters) {

    static ComplianceStatusJson of(ComplianceStatus status) {
        return new ComplianceStatusJson(
                status.enabled(),
                status.configuredAdapters(),
                status.outboxEvents(),
                status.backlogEvents(),
                status.oldestBacklogEvent(),
                status.adapters().stream().map(Adapter::of).toList(),
                DeadLetters.of(status.deadLetters()));
    }

    /**
     * @param lastEventId    the last archived event delivered to the adapter (events are delivered by
     *                       delivery round, then id, so not every lower id need be delivered yet)
     * @param failures       failed deliveries, ever
     * @param lastError      of the last run, if it failed; null once a delivery succeeds again
     */
    public record Adapter(
            String name,
            long lastEventId,
            long deliveredEvents,
            long failures,
            Instant lastRunAt,
            Instant lastSuccessAt,
            String lastError) {

        static Adapter of(ComplianceStatus.Adapter adapter) {
            return new Adapter(
                    adapter.name(),
                    adapter.lastEventId(),
                    adapter.deliveredEvents(),
                    adapter.failures(),
                    adapter.lastRunAt(),
                    adapter.lastSuccessAt(),
                    adapter.lastError());
        }
    }

    /**
     * @param count        messages on the dead-letter queue, counted up to {@code countLimit}
     * @param countLimited true when there are more than that (the queue is browsed, not drained)
     * @param messages     the first few, oldest first
     */
    public record DeadLetters(int count, boolean countLimited, int countLimit, List<DeadLetter> messages) {

        static DeadLetters of(ComplianceStatus.DeadLetters deadLetters) {
            return new DeadLetters(
                    deadLetters.count(),
                    deadLetters.countLimited(),
                    deadLetters.countLimit(),
                    deadLetters.messages().stream().map(DeadLetter::of).toList());
        }
    }

    /**
     * @param eventType     the event's type as the sender labelled it
     * @param deliveryCount how often the receiver tried to store it
     * @param body          the event as sent (JSON), cut at a length fit for a status page
     */
    public record DeadLetter(String messageId, Instant sentAt, String eventType, Integer deliveryCount, String body) {

        static DeadLetter of(ComplianceStatus.DeadLetter deadLetter) {
            return new DeadLetter(
                    deadLetter.messageId(),
                    deadLetter.sentAt(),
                    deadLetter.eventType(),
                    deadLetter.deliveryCount(),
                    deadLetter.body());
        }
    }
}
