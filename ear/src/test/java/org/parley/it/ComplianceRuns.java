package org.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.parley.compliance.application.ComplianceDispatcher;
import org.parley.compliance.application.ComplianceSettings;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * The compliance service as the compliance tests drive it, in the container: its dispatcher and store (looked up
 * when asked for, as TestRun's services are, on the test's own thread: the application's names are not known to
 * an {@link Eventually} poller's), runs until what the adapters wrote is what a test waits for, and the files they
 * wrote. The adapters' output is the proof of delivery, so every test reads it the same way.
 */
final class ComplianceRuns {

    private static final String MODULE = "java:app/parley-compliance-mdb/";

    ComplianceDispatcher dispatcher() {
        return bean(ComplianceDispatcher.class);
    }

    JpaComplianceArchive archive() {
        return bean(JpaComplianceArchive.class);
    }

    /**
     * Runs the compliance service again and again until {@code written} (what the adapters have written) gives what
     * {@code done} accepts; returns that.
     */
    <T> T runUntil(Duration bound, Supplier<T> written, Predicate<T> done) throws Exception {
        ComplianceDispatcher dispatcher = dispatcher();
        return Eventually.await(
                bound,
                () -> {
                    dispatcher.runNow();
                    return written.get();
                },
                done);
    }

    /** The folder the adapter of this name writes to, as the server's settings say. */
    static Path output(String adapter) {
        return ComplianceSettings.fromSystemProperties().outputDirectory().resolve(adapter);
    }

    /**
     * The files an adapter has finished in {@code folder}, in no order; none before its first. A file it is still
     * writing starts with "." (and is renamed when complete), so a test never reads half a batch.
     */
    static List<Path> finished(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bean of the compliance EJB module (parley-compliance-mdb.jar), by its no-interface view. */
    private static <T> T bean(Class<T> type) {
        try {
            return InitialContext.doLookup(MODULE + type.getSimpleName() + "!" + type.getName());
        } catch (NamingException e) {
            throw new IllegalStateException(
                    "no " + type.getSimpleName() + ": the compliance service is in the container", e);
        }
    }
}
