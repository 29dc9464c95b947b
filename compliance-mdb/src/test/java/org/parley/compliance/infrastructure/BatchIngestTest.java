package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.compliance.infrastructure.ComplianceStoreTestDatabase.chatEvent;

import java.util.List;
import java.util.stream.IntStream;

import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;

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
        assertThat(storeAll(List.of(chatEvent("a"), chatEvent("b"), chatEvent("a"))))
                .isEqualTo(2);
        assertThat(storeAll(List.of(chatEvent("a"), chatEvent("b"), chatEvent("c"))))
                .as("the batch relayed again, plus one")
                .isEqualTo(1);
        assertThat(storeAll(List.of(chatEvent("c"))))
                .as("a single-event message of an older release")
                .isZero();

        assertThat(database.storedTexts()).containsExactly("a", "b", "c");
    }

    @Test
    void aBatchRolledBackLeavesNothingStored() {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            transaction.archive().storeAll(List.of(chatEvent("x"), chatEvent("y")));
            transaction.flush();
            // closed without commit, as when a later element of the message is unreadable: all or nothing
        }
        assertThat(database.storedTexts()).isEmpty();
        assertThat(storeAll(List.of(chatEvent("x"), chatEvent("y"))))
                .as("the redelivered message stores all of it")
                .isEqualTo(2);
    }

    @Test
    void aBatchGoesToTheStoreInAFewStatementsNotOneInsertPerEvent() {
        List<ComplianceEvent> batch =
                IntStream.range(0, 120).mapToObj(i -> chatEvent("post " + i)).toList();
        Statistics statistics = database.statistics();
        statistics.clear();

        assertThat(storeAll(batch)).isEqualTo(120);

        assertThat(statistics.getEntityInsertCount()).isEqualTo(120);
        // One duplicate query, the id sequence every 50 events, and the inserts in JDBC batches of 50 (#12): one
        // prepared statement per batch instead of one per event.
        assertThat(statistics.getPrepareStatementCount())
                .as("statements prepared for a batch of 120 events")
                .isLessThanOrEqualTo(1 + 3 + 3);
        assertThat(database.storedTexts())
                .hasSize(120)
                .startsWith("post 0", "post 1")
                .endsWith("post 119");
    }

    private int storeAll(List<ComplianceEvent> events) {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            int stored = transaction.archive().storeAll(events);
            transaction.commit();
            return stored;
        }
    }
}
