package org.parley.compliance.infrastructure;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.parley.chat.infrastructure.persistence.ChatSchema;

/**
 * Creates and migrates the compliance store's schema (db/compliance/) when the application starts,
 * the same way the chat store's is (listed scripts, no classpath scan). The message-driven bean
 * and the dispatcher call {@link #ready()} first, which makes them wait for this to finish.
 */
@Singleton(name = "ComplianceSchemaMigration")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ComplianceSchemaMigration {

    static final String ROOT = "db/compliance/";
    static final String HISTORY_TABLE = "compliance_schema_history";
    private static final Logger LOG = Logger.getLogger(ComplianceSchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/ParleyComplianceDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        ClassLoader loader = getClass().getClassLoader();
        // The EJB timer store (configure-timers.cli) shares this database and may create its table
        // JBOSS_EJB_TIMER before the first migration: a schema with only that in it is a new store, so
        // Flyway starts its history below V1 instead of refusing a non-empty schema.
        int applied = ChatSchema.configure(dataSource, loader, ROOT, HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
        LOG.info(() -> "Compliance store schema migrated: " + applied + " migration(s) run now");
    }

    /** Returns once the schema is in place (the container runs {@link #migrate()} before any call). */
    public void ready() {
        // Nothing to do: reaching this method means the startup migration has completed.
    }
}
