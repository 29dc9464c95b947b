package org.parley.web.rest.admin;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.parley.compliance.application.ComplianceStatus;

/**
 * The compliance service's health. The adapters and dead letters are shown as the compliance service reports them
 * ({@link ComplianceStatus.Adapter}, {@link ComplianceStatus.DeadLetters}): plain records of names, numbers and
 * times, which a copy here would only repeat field by field.
 *
 * @param enabled             whether actions are recorded at all ({@code PARLEY_COMPLIANCE_ENABLED})
 * @param configuredAdapters  the adapters every event must reach before it leaves the store, in order
 * @param outboxEvents        events recorded by the chat service and not yet relayed to the compliance queue
 *                            (its outbox in the chat store); a number that keeps growing means the relay fails
 * @param backlogEvents       events stored and not yet taken by every configured adapter
 * @param oldestBacklogEvent  when the oldest of them was received; null when there are none
 * @param adapters            every adapter that ever ran, also ones no longer configured; an adapter's
 *                            {@code lastEventId} is the last archived event delivered to it (events are delivered by
 *                            delivery round, then id, so not every lower id need be delivered yet), its
 *                            {@code failures} the failed deliveries ever, its {@code lastError} the last run's if it
 *                            failed (null once a delivery succeeds again)
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
        List<ComplianceStatus.Adapter> adapters,
        ComplianceStatus.DeadLetters deadLetters) {

    static ComplianceStatusJson of(ComplianceStatus status) {
        return new ComplianceStatusJson(
                status.enabled(),
                status.configuredAdapters(),
                status.outboxEvents(),
                status.backlogEvents(),
                status.oldestBacklogEvent(),
                status.adapters(),
                status.deadLetters());
    }
}
