package org.parley.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.chat.testing.ChatStoreTestDatabase;

/** The migrations: listed completely, applied by Flyway, matching the JPA mapping (validate). */
class ChatSchemaTest {

    private static ChatStoreTestDatabase database;

    @BeforeAll
    static void migrate() {
        database = new ChatStoreTestDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theIndexListsEveryMigrationScriptAndNothingElse() throws IOException, URISyntaxException {
        Path root = Paths.get(getClass()
                        .getClassLoader()
                        .getResource(IndexedMigrations.INDEX)
                        .toURI())
                .getParent();
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(file -> file.toString().endsWith(".sql"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        List<String> listed = IndexedMigrations.listed(getClass().getClassLoader(), IndexedMigrations.INDEX).stream()
                .sorted()
                .toList();
        assertThat(listed).isNotEmpty().isEqualTo(onDisk);
    }

    @Test
    void onlyCommonAndTheDatabasesOwnScriptsAreOffered() {
        ClassLoader loader = getClass().getClassLoader();
        List<String> h2 = names(new IndexedMigrations(loader, "h2").getResources("V", new String[] {".sql"}));
        List<String> postgresql =
                names(new IndexedMigrations(loader, "postgresql").getResources("V", new String[] {".sql"}));
        assertThat(h2).contains("db/chat/common/V1__chat_store.sql").noneMatch(path -> path.contains("/postgresql/"));
        assertThat(postgresql)
                .contains("db/chat/common/V1__chat_store.sql", "db/chat/postgresql/V1_1__search_indexes.sql");
        assertThat(new IndexedMigrations(loader, "h2").getResources("R", new String[] {".sql"}))
                .isEmpty();
    }

    @Test
    void vendorsAreRecognisedFromJdbcProductNames() {
        assertThat(IndexedMigrations.vendorOf("H2")).isEqualTo("h2");
        assertThat(IndexedMigrations.vendorOf("PostgreSQL")).isEqualTo("postgresql");
        assertThatThrownBy(() -> IndexedMigrations.vendorOf("MySQL")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flywayAppliedTheListedScriptsAndTheMappingValidated() throws SQLException {
        // The database was created by the fixture: Flyway ran, and Hibernate validated (or it would have thrown).
        assertThat(database.migration().migrationsExecuted).isGreaterThanOrEqualTo(1);
        List<String> scripts = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT \"script\" FROM \"" + ChatSchema.HISTORY_TABLE
                                + "\" WHERE \"success\" AND \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
        }
        assertThat(scripts).startsWith("V1__chat_store.sql");
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(ChatSchema.configure(database.dataSource(), getClass().getClassLoader())
                        .load()
                        .migrate()
                        .migrationsExecuted)
                .isZero();
    }

    private static List<String> names(Collection<LoadableResource> resources) {
        return resources.stream().map(LoadableResource::getAbsolutePath).toList();
    }
}
