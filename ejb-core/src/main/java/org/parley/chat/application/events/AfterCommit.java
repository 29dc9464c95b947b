package org.parley.chat.application.events;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs work once the caller's transaction has committed, on the committing thread, and never when it rolls back:
 * what others are told (a post on the {@link PostRoad}) must be stored first, so that a node reading the room on
 * receipt finds it, and nobody hears of a post that was not kept. Without a transaction the work runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** For tests and tools outside a container: everything runs at once, as with no transaction. */
    public static AfterCommit immediate() {
        return new AfterCommit();
    }

    /** Outside a container, on a registry of one's own (the tests' store). */
    public static AfterCommit on(TransactionSynchronizationRegistry transactions) {
        AfterCommit afterCommit = new AfterCommit();
        afterCommit.transactions = transactions;
        return afterCommit;
    }

    public void run(Runnable work) {
        whenComplete(committed -> {
            if (committed) {
                work.run();
            }
        });
    }

    /**
     * Runs {@code outcome} with true once the caller's transaction has committed, false once it has rolled back
     * (at once with true when there is none): for work that must be told either way.
     */
    public void whenComplete(Consumer<Boolean> outcome) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            outcome.accept(true);
            return;
        }
        // Interposed: runs after the EntityManagers' own synchronizations, i.e. after the data is flushed.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                try {
                    outcome.accept(status == Status.STATUS_COMMITTED);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "work after a commit failed; the transaction's data is stored", e);
                }
            }
        });
    }
}
