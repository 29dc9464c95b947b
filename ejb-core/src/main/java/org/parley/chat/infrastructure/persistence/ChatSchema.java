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

    private ChatSchema() {
    }

    public static FluentConfiguration configure(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .resourceProvider(new IndexedMigrations(classLoader, vendorOf(dataSource)))
                .javaMigrationClassProvider(List::<Class<? extends JavaMigration>>of)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return IndexedMigrations.vendorOf(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the chat store to migrate it", e);
        }
    }
}
