package org.parley.compliance.infrastructure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.parley.chat.infrastructure.persistence.ChatSchema;
import org.parley.compliance.application.ComplianceArchive;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh compliance store for one test: the production migrations (ComplianceSchemaMigration's) on a new
 * database and the production persistence unit outside the container ({@code hbm2ddl.auto=validate}, so
 * the mapping is checked against what Flyway made). H2 in memory by default; PostgreSQL (a throw-away
 * schema, dropped at close) with {@code -Dparley.test.jdbc.url=jdbc:postgresql://host/db
 * -Dparley.test.jdbc.user=... -Dparley.test.jdbc.password=...}, as ejb-core's ChatStoreTestDatabase.
 */
final class ComplianceStoreTestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String schema;
    private final EntityManagerFactory factory;

    ComplianceStoreTestDatabase() {
        this(null, dataSource -> {});
    }

    /**
     * A store migrated up to {@code version} only, given {@code before} to fill it as an older release left
     * it, then migrated to the current version: for testing a migration on existing data.
     */
    ComplianceStoreTestDatabase(String version, Consumer<DataSource> before) {
        String url = System.getProperty("parley.test.jdbc.url", "");
        if (url.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:compliance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            h2.setUser("sa");
            this.dataSource = h2;
            this.schema = null;
        } else {
            this.schema = "compliance_test_" + UUID.randomUUID().toString().replace("-", "");
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(url);
            postgresql.setUser(System.getProperty("parley.test.jdbc.user"));
            postgresql.setPassword(System.getProperty("parley.test.jdbc.password"));
            execute(postgresql, "CREATE SCHEMA " + schema);
            postgresql.setCurrentSchema(schema);
            this.dataSource = postgresql;
        }
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
        this.factory = Persistence.createEntityManagerFactory("parley-compliance", settings);
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
        execute(dataSource, schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Hibernate builds a JSON mapper eagerly when it finds the JSON-B API on the class path and fails
     * without an implementation, which only the server has; the compliance store maps no JSON.
     */
    public static final class NoJsonFormatMapper implements FormatMapper {

        @Override
        public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
            throw new UnsupportedOperationException("the compliance store maps no JSON");
        }

        @Override
        public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
            throw new UnsupportedOperationException("the compliance store maps no JSON");
        }
    }
}
