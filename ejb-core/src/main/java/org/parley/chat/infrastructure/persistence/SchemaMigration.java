package org.parley.chat.infrastructure.persistence;

import java.time.Clock;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import org.flywaydb.core.api.output.MigrateResult;
import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.infrastructure.persistence.jpa.ChatPersistence;

/**
 * Brings the chat store's schema up to date (Flyway) and ensures its reference data, once, when the
 * application is deployed and before anything else uses the store: beans that touch the store at start
 * declare {@code @DependsOn("SchemaMigration")}. A failure fails the deployment, rather than leaving a
 * server running on a schema it does not match.
 * <p>
 * Bean-managed transactions: Flyway commits each migration itself on its own connections, which a
 * container transaction around it would fight; the seeding then runs in a transaction of its own.
 */
@ExcludeDefaultInterceptors
@Singleton(name = "SchemaMigration")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/ParleyChatDS")
    DataSource dataSource;

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @PostConstruct
    void migrate() {
        MigrateResult result = ChatSchema.configure(dataSource, getClass().getClassLoader())
                .load()
                .migrate();
        LOG.info(() -> "Chat store schema migrated: " + result.migrationsExecuted + " migration(s) run now"
                + (result.targetSchemaVersion == null ? "" : ", at version " + result.targetSchemaVersion)
                + ", on " + result.databaseType);
        seed();
    }

    private void seed() {
        ReferenceData.ensureOnStart(
                work -> {
                    try {
                        transaction.begin();
                        work.run();
                        transaction.commit();
                    } catch (Exception e) {
                        rollBack();
                        throw new IllegalStateException("cannot seed the chat store's reference data", e);
                    }
                },
                () -> ReferenceData.ensure(em, configuration, clock.instant()));
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.warning(() -> "rolling back the seeding failed too: " + e);
        }
    }
}
