package org.parley.chat.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/** The chat store's schema: Flyway, configured to run exactly the listed scripts and to scan nothing. */
public final class ChatSchema {

    /** Kept apart from any other Flyway history that may share the database. */
    public static final String HISTORY_TABLE = "chat_schema_history";

    private ChatSchema() {}

    public static FluentConfiguration configure(DataSource dataSource, ClassLoader classLoader) {
        return configure(dataSource, classLoader, IndexedMigrations.ROOT, HISTORY_TABLE);
    }

    /**
     * The same for another of Parley's stores (the compliance store): its scripts under {@code root}
     * laid out as the chat store's, its Flyway history in {@code historyTable}.
     */
    public static FluentConfiguration configure(
            DataSource dataSource, ClassLoader classLoader, String root, String historyTable) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .table(historyTable)
                .resourceProvider(new IndexedMigrations(classLoader, vendorOf(dataSource), root))
                .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return IndexedMigrations.vendorOf(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
    }
}
