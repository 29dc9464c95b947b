package org.parley.compliance.infrastructure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.infrastructure.persistence.ChatSchema;
import org.parley.chat.testing.ThrowAwayDatabase;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.ComplianceArchive;

/**
 * A fresh compliance store for one test: the production migrations (ComplianceSchemaMigration's) on a new
 * database and the production persistence unit outside the container ({@code hbm2ddl.auto=validate}, so
 * the mapping is checked against what Flyway made), on ejb-core's {@link ThrowAwayDatabase} as the chat store's.
 */
final class ComplianceStoreTestDatabase implements AutoCloseable {

    private final ThrowAwayDatabase database;
    private final DataSource dataSource;
    private final EntityManagerFactory factory;

    ComplianceStoreTestDatabase() {
        this(null, dataSource -> {});
    }

    /**
     * A store migrated up to {@code version} only, given {@code before} to fill it as an older release left
     * it, then migrated to the current version: for testing a migration on existing data.
     */
    ComplianceStoreTestDatabase(String version, Consumer<DataSource> before) {
        this.database = new ThrowAwayDatabase("compliance");
        this.dataSource = database.dataSource();
        if (version != null) {
            ChatSchema.configure(
                            dataSource,
                            getClass().getClassLoader(),
                            ComplianceSchemaMigration.ROOT,
                            ComplianceSchemaMigration.HISTORY_TABLE)
                    .target(version)
                    .load()
                    .migrate();
            before.accept(dataSource);
        }
        ChatSchema.configure(
                        dataSource,
                        getClass().getClassLoader(),
                        ComplianceSchemaMigration.ROOT,
                        ComplianceSchemaMigration.HISTORY_TABLE)
                .load()
                .migrate();
        Map<String, Object> settings = database.persistenceSettings();
        settings.put("hibernate.generate_statistics", "true");
        settings.put("hibernate.session.events.log", "false"); // the statistics without a report per session
        this.factory = Persistence.createEntityManagerFactory("parley-compliance", settings);
    }

    /** What the store was asked since the last {@code clear()}: statements prepared, entities inserted. */
    Statistics statistics() {
        return factory.unwrap(SessionFactory.class).getStatistics();
    }

    /**
     * The archive as the dispatcher sees it in the container: every call its own transaction, committed
     * before it returns (JpaComplianceArchive is REQUIRES_NEW).
     */
    ComplianceArchive archive() {
        return (ComplianceArchive) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ComplianceArchive.class}, (self, method, arguments) -> {
                    try (Transaction transaction = begin()) {
                        Object result = method.invoke(transaction.archive(), arguments);
                        transaction.commit();
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A transaction left open until {@link Transaction#commit()}, as a message-driven bean's while it stores. */
    Transaction begin() {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        transaction.begin();
        JpaComplianceArchive archive = new JpaComplianceArchive();
        archive.em = em;
        return new Transaction(em, transaction, archive);
    }

    /** The texts of the events the store holds, in id order. */
    List<String> storedTexts() {
        try (Transaction transaction = begin()) {
            return transaction.archive().after(0, Integer.MAX_VALUE).stream()
                    .map(ArchivedRecord::event)
                    .map(ComplianceEvent::text)
                    .toList();
        }
    }

    /** A chat event in one room, its text naming it: what the store tests store. */
    static ComplianceEvent chatEvent(String text) {
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

    record Transaction(EntityManager em, EntityTransaction transaction, JpaComplianceArchive archive)
            implements AutoCloseable {

        /** Sends the transaction's statements to the database now (its inserts hold their ids), uncommitted. */
        void flush() {
            em.flush();
        }

        void commit() {
            em.flush();
            transaction.commit();
        }

        @Override
        public void close() {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
        database.close();
    }
}
