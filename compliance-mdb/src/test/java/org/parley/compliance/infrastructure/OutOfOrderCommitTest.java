package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.BatchDelivery;
import org.parley.compliance.application.ComplianceAdapter;
import org.parley.compliance.application.ComplianceBatch;

/**
 * Issue #11: event ids are allocated before the storing transactions commit, and several message-driven
 * bean sessions (and nodes) commit in any order, so an event can become visible after events with higher
 * ids were already delivered. Here that happens deterministically, with real transactions on the real
 * store (H2, or PostgreSQL with -Dparley.test.jdbc.url): each event must still reach every adapter exactly
 * once, and leave the store only after every adapter has it.
 */
class OutOfOrderCommitTest {

    private final ComplianceStoreTestDatabase database = new ComplianceStoreTestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEventCommittedAfterAHigherIdWasDeliveredReachesEveryAdapterOnceAndIsDeletedOnlyThen() {
        RecordingAdapter first = new RecordingAdapter("first");
        RecordingAdapter second = new RecordingAdapter("second");
        List<ComplianceAdapter> adapters = List.of(first, second);
        BatchDelivery delivery = new BatchDelivery(database.archive(), 10, 10);

        try (ComplianceStoreTestDatabase.Transaction slow = database.begin()) {
            ComplianceEvent early = event("early");
            slow.archive().store(early);
            slow.flush();
            ComplianceEvent late = event("late");
            try (ComplianceStoreTestDatabase.Transaction quick = database.begin()) {
                quick.archive().store(late);
                quick.commit();
            }
            assertThat(idOf(late))
                    .as("the premise: the event committed first has the higher id")
                    .isGreaterThan(idInTransaction(slow, early));

            BatchDelivery.Outcome whileOpen = delivery.run(adapters);
            assertThat(first.taken).containsExactly("late");
            assertThat(second.taken).containsExactly("late");
            assertThat(whileOpen.deleted()).isEqualTo(1);

            slow.commit();
        }
        second.failNext = true;
        BatchDelivery.Outcome secondFails = delivery.run(adapters);
        assertThat(first.taken)
                .as("the event committed late, below the adapter's progress")
                .containsExactly("late", "early");
        assertThat(second.taken).containsExactly("late");
        assertThat(secondFails.deleted())
                .as("kept for the adapter that has not taken it")
                .isZero();
        assertThat(stored()).containsExactly("early");

        BatchDelivery.Outcome last = delivery.run(adapters);
        assertThat(first.taken).as("each event once").containsExactly("late", "early");
        assertThat(second.taken).containsExactly("late", "early");
        assertThat(last.deleted()).isEqualTo(1);
        assertThat(stored()).isEmpty();
        assertThat(delivery.run(adapters).delivered()).isZero();
    }

    @Test
    void threeStoringTransactionsCommittingInReverseIdOrderAroundRunsOfOneEventABatch() {
        RecordingAdapter first = new RecordingAdapter("first");
        RecordingAdapter second = new RecordingAdapter("second");
        List<ComplianceAdapter> adapters = List.of(first, second);
        BatchDelivery delivery = new BatchDelivery(database.archive(), 1, 100);
        List<ComplianceStoreTestDatabase.Transaction> open = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                ComplianceStoreTestDatabase.Transaction transaction = database.begin();
                open.add(transaction);
                transaction.archive().store(event(name));
                transaction.flush();
            }
            delivery.run(adapters);
            assertThat(first.taken).isEmpty();
            open.get(2).commit();
            delivery.run(adapters);
            open.get(0).commit();
            delivery.run(adapters);
            assertThat(stored()).isEmpty();
            open.get(1).commit();
            assertThat(stored()).containsExactly("b");
            delivery.run(adapters);
        } finally {
            open.forEach(ComplianceStoreTestDatabase.Transaction::close);
        }
        assertThat(first.taken).containsExactly("c", "a", "b");
        assertThat(second.taken).containsExactly("c", "a", "b");
        assertThat(stored()).isEmpty();
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

    private long idOf(ComplianceEvent event) {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            return idInTransaction(transaction, event);
        }
    }

    private static long idInTransaction(ComplianceStoreTestDatabase.Transaction transaction, ComplianceEvent event) {
        return transaction
                .em()
                .createQuery("select e.id from ArchivedEvent e where e.eventId = :id", Long.class)
                .setParameter("id", event.id())
                .getSingleResult();
    }

    /** The texts of the events the store holds, in id order. */
    private List<String> stored() {
        try (ComplianceStoreTestDatabase.Transaction transaction = database.begin()) {
            return transaction.archive().after(0, Integer.MAX_VALUE).stream()
                    .map(ArchivedRecord::event)
                    .map(ComplianceEvent::text)
                    .toList();
        }
    }

    /** Records the texts of what it took, in order; fails its next delivery when told to. */
    private static final class RecordingAdapter implements ComplianceAdapter {
        final String name;
        final List<String> taken = new ArrayList<>();
        boolean failNext;

        RecordingAdapter(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(ComplianceBatch batch) throws Exception {
            if (failNext) {
                failNext = false;
                throw new java.io.IOException("archive unreachable");
            }
            batch.events().forEach(record -> taken.add(record.event().text()));
        }
    }
}
