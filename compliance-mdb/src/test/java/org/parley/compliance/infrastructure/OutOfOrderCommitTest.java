package org.parley.compliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.compliance.infrastructure.ComplianceStoreTestDatabase.chatEvent;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.compliance.application.BatchDelivery;
import org.parley.compliance.application.ComplianceAdapter;
import org.parley.compliance.application.RecordingAdapter;

/**
 * Issue #11: event ids are allocated before the storing transactions commit, and several message-driven
 * bean sessions (and nodes) commit in any order, so an event can become visible after events with higher
 * ids were already delivered. Here that happens deterministically, with real transactions on the real
 * store (H2, or PostgreSQL with -Dparley.test.jdbc.url): each event must still reach every adapter exactly
 * once, and leave the store only after every adapter has it.
 */
class OutOfOrderCommitTest {

    private final ComplianceStoreTestDatabase database = new ComplianceStoreTestDatabase();
    private final RecordingAdapter first = new RecordingAdapter("first");
    private final RecordingAdapter second = new RecordingAdapter("second");
    private final List<ComplianceAdapter> adapters = List.of(first, second);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEventCommittedAfterAHigherIdWasDeliveredReachesEveryAdapterOnceAndIsDeletedOnlyThen() {
        BatchDelivery delivery = new BatchDelivery(database.archive(), 10, 10);

        try (ComplianceStoreTestDatabase.Transaction slow = database.begin()) {
            ComplianceEvent early = chatEvent("early");
            slow.archive().store(early);
            slow.flush();
            ComplianceEvent late = chatEvent("late");
            try (ComplianceStoreTestDatabase.Transaction quick = database.begin()) {
                quick.archive().store(late);
                quick.commit();
            }
            assertThat(idOf(late))
                    .as("the premise: the event committed first has the higher id")
                    .isGreaterThan(idInTransaction(slow, early));

            BatchDelivery.Outcome whileOpen = delivery.run(adapters);
            assertThat(first.texts()).containsExactly("late");
            assertThat(second.texts()).containsExactly("late");
            assertThat(whileOpen.deleted()).isEqualTo(1);

            slow.commit();
        }
        second.failing(1);
        BatchDelivery.Outcome secondFails = delivery.run(adapters);
        assertThat(first.texts())
                .as("the event committed late, below the adapter's progress")
                .containsExactly("late", "early");
        assertThat(second.texts()).containsExactly("late");
        assertThat(secondFails.deleted())
                .as("kept for the adapter that has not taken it")
                .isZero();
        assertThat(database.storedTexts()).containsExactly("early");

        BatchDelivery.Outcome last = delivery.run(adapters);
        assertThat(first.texts()).as("each event once").containsExactly("late", "early");
        assertThat(second.texts()).containsExactly("late", "early");
        assertThat(last.deleted()).isEqualTo(1);
        assertThat(database.storedTexts()).isEmpty();
        assertThat(delivery.run(adapters).delivered()).isZero();
    }

    @Test
    void threeStoringTransactionsCommittingInReverseIdOrderAroundRunsOfOneEventABatch() {
        BatchDelivery delivery = new BatchDelivery(database.archive(), 1, 100);
        List<ComplianceStoreTestDatabase.Transaction> open = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                ComplianceStoreTestDatabase.Transaction transaction = database.begin();
                open.add(transaction);
                transaction.archive().store(chatEvent(name));
                transaction.flush();
            }
            delivery.run(adapters);
            assertThat(first.texts()).isEmpty();
            open.get(2).commit();
            delivery.run(adapters);
            open.get(0).commit();
            delivery.run(adapters);
            assertThat(database.storedTexts()).isEmpty();
            open.get(1).commit();
            assertThat(database.storedTexts()).containsExactly("b");
            delivery.run(adapters);
        } finally {
            open.forEach(ComplianceStoreTestDatabase.Transaction::close);
        }
        assertThat(first.texts()).containsExactly("c", "a", "b");
        assertThat(second.texts()).containsExactly("c", "a", "b");
        assertThat(database.storedTexts()).isEmpty();
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
}
