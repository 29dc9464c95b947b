package org.parley.chat.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for one store test, gone at close: H2 in memory by default; a throw-away schema in a
 * PostgreSQL, dropped at close, with {@code -Dparley.test.jdbc.url=jdbc:postgresql://host/db
 * -Dparley.test.jdbc.user=... -Dparley.test.jdbc.password=...}. The chat and the compliance store tests both
 * stand on it.
 */
public final class ThrowAwayDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String schema;

    /** {@code store} names the database or schema (chat, compliance), for whoever looks at a live one. */
    public ThrowAwayDatabase(String store) {
        String url = System.getProperty("parley.test.jdbc.url", "");
        if (url.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + store + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            h2.setUser("sa");
            this.dataSource = h2;
            this.schema = null;
        } else {
            this.schema = store + "_test_" + UUID.randomUUID().toString().replace("-", "");
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(url);
            postgresql.setUser(System.getProperty("parley.test.jdbc.user"));
            postgresql.setPassword(System.getProperty("parley.test.jdbc.password"));
            execute(postgresql, "CREATE SCHEMA " + schema);
            postgresql.setCurrentSchema(schema);
            this.dataSource = postgresql;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The settings that bootstrap a production persistence unit on this database outside the container, its
     * mapping validated against the schema the migrations made.
     */
    public Map<String, Object> persistenceSettings() {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "hibernate.hbm2ddl.auto", "validate",
                // WildFly runs queries in JPA-compliance mode: the tests must refuse what it refuses.
                "hibernate.jpa.compliance.query", "true",
                "hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName()));
        if (schema != null) {
            settings.put("hibernate.default_schema", schema);
        }
        return settings;
    }

    @Override
    public void close() {
        execute(dataSource, schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
