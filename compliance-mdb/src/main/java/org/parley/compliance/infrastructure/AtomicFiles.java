package org.parley.compliance.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Publishes a file all at once: written beside its final name under a temporary one, flushed to
 * disk, then renamed atomically, so a reader of the folder never sees half a batch.
 */
final class AtomicFiles {

    interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private AtomicFiles() {}

    static Path write(Path directory, String name, Content content) throws Exception {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        Path temporary = Files.createTempFile(directory, "." + name + ".", ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Batch files sort in delivery order and name the archive ids they hold. */
    static String batchName(String prefix, long firstId, long lastId, String extension) {
        return String.format("%s-%019d-%019d.%s", prefix, firstId, lastId, extension);
    }
}
