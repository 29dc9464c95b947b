package org.parley.chat.infrastructure.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Flyway's migration scripts, found through a list instead of a classpath scan. Flyway scans by listing
 * classpath directories, which inside WildFly means the JBoss VFS (vfs: URLs) that Flyway only reads with
 * an optional VFS module the deployment does not see: a scan that finds nothing would start the server
 * on an empty schema without a word. A resource read by exact name works in every class loader, so
 * {@value #INDEX} names each script (a unit test keeps the list and the folder in step).
 * <p>
 * Scripts under {@code common/} run on every database, scripts under {@code <vendor>/} (h2, postgresql)
 * only on that one: the {@code {vendor}} location convention, done here since no location is scanned.
 */
public final class IndexedMigrations implements ResourceProvider {

    public static final String ROOT = "db/chat/";
    public static final String INDEX = ROOT + "migrations.idx";
    public static final String COMMON = "common";

    private final List<LoadableResource> resources;

    /** The chat store's scripts, under {@value #ROOT}. */
    public IndexedMigrations(ClassLoader classLoader, String vendor) {
        this(classLoader, vendor, ROOT);
    }

    /**
     * The scripts of another store laid out the same way: {@code root} holds {@code migrations.idx},
     * {@code common/} and the vendor folders (the compliance store uses db/compliance/).
     */
    public IndexedMigrations(ClassLoader classLoader, String vendor, String root) {
        this.resources = listed(classLoader, root + "migrations.idx").stream()
                .filter(path -> path.startsWith(COMMON + "/") || path.startsWith(vendor + "/"))
                .map(path -> (LoadableResource) new Script(classLoader, root + path))
                .toList();
    }

    /** The folder name of a database, from JDBC's product name. Fails on a database nobody wrote scripts for. */
    public static String vendorOf(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.equals("h2")) {
            return "h2";
        }
        if (product.equals("postgresql")) {
            return "postgresql";
        }
        throw new IllegalStateException("the chat store supports H2 and PostgreSQL, not " + databaseProductName);
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream()
                .filter(resource -> resource.getAbsolutePath().equals(name)
                        || resource.getFilename().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(resource -> resource.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith))
                .toList();
    }

    /** The index's entries: paths under {@value #ROOT}, one a line; blank lines and # comments skipped. */
    static List<String> listed(ClassLoader classLoader, String index) {
        InputStream in = classLoader.getResourceAsStream(index);
        if (in == null) {
            throw new IllegalStateException("the migration index " + index + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Script extends LoadableResource {

        private final ClassLoader classLoader;
        private final String path;
        private final String filename;

        Script(ClassLoader classLoader, String path) {
            this.classLoader = classLoader;
            this.path = path;
            this.filename = path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException(INDEX + " lists " + path + ", which is not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        /** What Flyway records as the script name, as a scan would: the file name. */
        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
