package org.parley.chat.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.flywaydb.core.api.output.MigrateResult;
import org.parley.chat.infrastructure.persistence.ChatSchema;
import org.parley.chat.infrastructure.persistence.jpa.ChatPersistence;
import org.parley.chat.infrastructure.persistence.jpa.PersistenceExceptionTranslator;

/**
 * A fresh chat store for one test class: the production migrations on a new database, and the production
 * persistence unit bootstrapped outside the container with {@code hbm2ddl.auto=validate}, so the mapping
 * is checked against the schema Flyway made, on a {@link ThrowAwayDatabase}.
 * <p>
 * {@link #entityManager()} behaves like the container's transaction-scoped entity manager: each
 * {@link #inTransaction} call (per thread) gets a new persistence context, flushed (with the same
 * exception translation as the services' interceptor) and committed at the end.
 */
public final class ChatStoreTestDatabase implements AutoCloseable {

    private final ThrowAwayDatabase database;
    private final DataSource dataSource;
    private final MigrateResult migration;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Synchronization>> synchronizations = new ThreadLocal<>();
    private final ThreadLocal<Boolean> rollbackOnly = ThreadLocal.withInitial(() -> false);
    private final EntityManager proxy;

    public ChatStoreTestDatabase() {
        this.database = new ThrowAwayDatabase("chat");
        this.dataSource = database.dataSource();
        this.migration = ChatSchema.configure(dataSource, getClass().getClassLoader())
                .load()
                .migrate();
        this.factory = Persistence.createEntityManagerFactory(ChatPersistence.UNIT, database.persistenceSettings());
        this.proxy = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (self, method, arguments) -> {
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("no transaction: use inTransaction");
                    }
                    try {
                        return method.invoke(em, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public EntityManager entityManager() {
        return proxy;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public MigrateResult migration() {
        return migration;
    }

    public <T> T inTransaction(Supplier<T> work) {
        EntityManager em = factory.createEntityManager();
        current.set(em);
        synchronizations.set(new ArrayList<>());
        EntityTransaction transaction = em.getTransaction();
        rollbackOnly.set(false);
        transaction.begin();
        int status = Status.STATUS_ROLLEDBACK;
        try {
            T result = work.get();
            em.flush();
            if (rollbackOnly.get()) {
                // As the container does with a transaction marked rollback-only: the work's result stands, its
                // changes do not.
                transaction.rollback();
                return result;
            }
            transaction.commit();
            status = Status.STATUS_COMMITTED;
            return result;
        } catch (PersistenceException e) {
            rollBack(transaction);
            throw PersistenceExceptionTranslator.translate(e);
        } catch (RuntimeException | Error e) {
            rollBack(transaction);
            throw e;
        } finally {
            List<Synchronization> ending = synchronizations.get();
            current.remove();
            synchronizations.remove();
            em.close();
            for (Synchronization synchronization : ending) {
                synchronization.afterCompletion(status);
            }
        }
    }

    /**
     * The container's view of {@link #inTransaction}'s transactions, for {@code AfterCommit.on}: work registered
     * inside one runs after it has committed or rolled back, as in WildFly.
     */
    public TransactionSynchronizationRegistry transactions() {
        return new TransactionSynchronizationRegistry() {
            @Override
            public Object getTransactionKey() {
                return current.get();
            }

            @Override
            public void registerInterposedSynchronization(Synchronization synchronization) {
                List<Synchronization> registered = synchronizations.get();
                if (registered == null) {
                    throw new IllegalStateException("no transaction");
                }
                registered.add(synchronization);
            }

            @Override
            public int getTransactionStatus() {
                return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
            }

            @Override
            public void putResource(Object key, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Object getResource(Object key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setRollbackOnly() {
                if (current.get() == null) {
                    throw new IllegalStateException("no transaction");
                }
                rollbackOnly.set(true);
            }

            @Override
            public boolean getRollbackOnly() {
                return rollbackOnly.get();
            }
        };
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        factory.close();
        database.close();
    }

    private static void rollBack(EntityTransaction transaction) {
        if (transaction.isActive()) {
            transaction.rollback();
        }
    }
}
