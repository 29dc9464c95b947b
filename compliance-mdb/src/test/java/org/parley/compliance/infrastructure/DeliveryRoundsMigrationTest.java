package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.testing.ThrowAwayDatabase;
import org.parley.compliance.application.BatchDelivery;
import org.parley.compliance.application.RecordingAdapter;

/**
 * V3 (delivery rounds) on a store an older release left: events stored, an adapter part of the way
 * through them. It keeps the adapter's place: it gets the rest, each once, then what is stored after.
 */
class DeliveryRoundsMigrationTest {

    @Test
    void anAdapterPartOfTheWayThroughKeepsItsPlaceAcrossTheMigration() {
        try (ComplianceStoreTestDatabase database = new ComplianceStoreTestDatabase("2", dataSource -> {
            // Ids far above the sequence's start: the new event gets a lower id, and must still come after.
            for (int id = 1001; id <= 1004; id++) {
                ThrowAwayDatabase.execute(
                        dataSource,
                        "INSERT INTO compliance_event (id, event_id, event_type,"
                                + " actor, occurred_at, event_text, details, received_at) VALUES (" + id + ", 'old-"
                                + id
                                + "', 'CHAT', 'sip:alice@contoso.com', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00',"
                                + " 'old " + id + "', '{}', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00')");
            }
            ThrowAwayDatabase.execute(
                    dataSource,
                    "INSERT INTO compliance_adapter_progress (adapter_name,"
                            + " last_event_id, delivered_events, failures) VALUES ('xml', 1002, 2, 0)");
        })) {
            try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
                transaction
                        .archive()
                        .store(new ComplianceEvent(
                                "new",
                                ComplianceEventType.CHAT,
                                null,
                                null,
                                "sip:bob@contoso.com",
                                Instant.parse("2026-12-05T10:00:00Z"),
                                "new",
                                Map.of()));
                transaction.commit();
            }
            RecordingAdapter xml = new RecordingAdapter("xml");
            BatchDelivery.Outcome outcome = new BatchDelivery(database.archive(), 2, 10).run(List.of(xml));
            assertThat(xml.texts())
                    .as("the rest of the old events, then the new one, each once")
                    .containsExactly("old 1003", "old 1004", "new");
            assertThat(outcome.deleted()).isEqualTo(5);
            assertThat(database.archive().progressOf("xml").round())
                    .as("past the migrated round")
                    .isGreaterThan(1);
        }
    }
}
