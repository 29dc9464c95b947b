package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.compliance.application.ArchivedRecord;

/**
 * Batch ingest on the real store: the outbox relay is at-least-once (a batch whose outbox delete did not commit is
 * sent again), so an event relayed twice, or repeated within one batch, is stored once.
 */
class BatchIngestTest {

    private final ComplianceStoreTestDatabase database = new ComplianceStoreTestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEventRelayedTwiceIsStoredOnce() {
        assertThat(storeAll(List.of(event("a"), event("b"), event("a")))).isEqualTo(2);
        assertThat(storeAll(List.of(event("a"), event("b"), event("c"))))
                .as("the batch relayed again, plus one")
                .isEqualTo(1);
        assertThat(storeAll(List.of(event("c"))))
                .as("a single-event message of an older release")
                .isZero();

        assertThat(stored()).containsExactly("a", "b", "c");
    }

    @Test
    void aBatchRolledBackLeavesNothingStored() {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            transaction.archive().storeAll(List.of(event("x"), event("y")));
            transaction.flush();
            // closed without commit, as when a later element of the message is unreadable: all or nothing
        }
        assertThat(stored()).isEmpty();
        assertThat(storeAll(List.of(event("x"), event("y"))))
                .as("the redelivered message stores all of it")
                .isEqualTo(2);
    }

    private int storeAll(List<ComplianceEvent> events) {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            int stored = transaction.archive().storeAll(events);
            transaction.commit();
            return stored;
        }
    }

    private List<String> stored() {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            return transaction.archive().after(0, Integer.MAX_VALUE).stream()
                    .map(ArchivedRecord::event)
                    .map(ComplianceEvent::text)
                    .toList();
        }
    }

    private static ComplianceEvent event(String text) {
        return new ComplianceEvent(
                "event-" + text,
                ComplianceEventType.CHAT,
                "ma-chan://contoso.com/room",
                "Room",
                "sip:alice@contoso.com",
                Instant.parse("2026-12-05T10:00:00Z"),
                text,
                Map.of());
    }
}
