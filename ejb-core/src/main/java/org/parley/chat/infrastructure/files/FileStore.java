package org.parley.chat.infrastructure.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.parley.chat.domain.shared.ChatException;

/**
 * The bytes of the files posted to rooms, on disk under one directory (ChatSetting.FILE_STORE_DIR). Files are named
 * by the SHA-256 of their content, never by anything a client sent, so no name can leave the directory and
 * the same bytes posted twice are kept once. A file is written aside and moved into place when complete:
 * a reader never sees half a file, and an aborted upload leaves nothing behind.
 */
public final class FileStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Copies {@code content} into the store, reading it once and never holding it whole in memory.
     *
     * @throws ChatException TOO_LARGE as soon as more than {@code maxBytes} have been read
     */
    public StoredFile store(InputStream content, long maxBytes) throws IOException {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[BUFFER];
                for (int read; (read = content.read(buffer)) != -1; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new ChatException(
                                ChatException.Reason.TOO_LARGE, "files are limited to " + maxBytes + " bytes");
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            String key = hash.substring(0, 2) + "/" + hash;
            Path target = path(key);
            Files.createDirectories(target.getParent());
            moveIntoPlace(temporary, target);
            return new StoredFile(key, size, hash);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** @throws ChatException NOT_FOUND for a key this store did not make */
    private Path path(String storageKey) {
        if (storageKey == null || !KEY.matcher(storageKey).matches()) {
            throw ChatException.notFound("no stored file " + storageKey);
        }
        return root.resolve(storageKey);
    }

    /** @throws ChatException NOT_FOUND for a key this store did not make or no longer has */
    public InputStream open(String storageKey) throws IOException {
        Path file = path(storageKey);
        if (!Files.isRegularFile(file)) {
            throw ChatException.notFound("no stored file " + storageKey);
        }
        return Files.newInputStream(file);
    }

    /**
     * Same name, same bytes: replacing a file already there changes nothing but its modification time, and
     * that is the point. A fresh time tells {@link #deleteIfUntouchedSince} that an upload is about to
     * reference these bytes, even when an older copy of them had become an orphan.
     */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The keys of the stored files last written before {@code cutoff}: the candidates for removal once no file
     * record names them. Files written since may belong to uploads whose record is not committed yet.
     */
    public List<String> keysUntouchedSince(Instant cutoff) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        try (Stream<Path> prefixes = Files.list(root)) {
            for (Path prefix : prefixes.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(prefix)) {
                    for (Path file : files.toList()) {
                        String key = prefix.getFileName() + "/" + file.getFileName();
                        if (KEY.matcher(key).matches() && modified(file).isBefore(cutoff)) {
                            keys.add(key);
                        }
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Deletes the stored file unless it was written at or after {@code cutoff}. It is first moved aside, so an
     * upload of the same bytes either wrote it before (the file aside is then recent and is put back) or writes
     * a new one after (which stays); no upload can lose its bytes to this.
     *
     * @return whether the bytes are gone
     */
    public boolean deleteIfUntouchedSince(String storageKey, Instant cutoff) throws IOException {
        Path file = path(storageKey);
        Path aside = file.resolveSibling(file.getFileName() + ".deleting");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (modified(aside).isBefore(cutoff)) {
            Files.delete(aside);
            return true;
        }
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return false;
    }

    /**
     * Whether an upload could be stored now: a file is created in {@code incoming/} (where uploads start) and
     * deleted again. For the readiness check; throws with the reason when it could not.
     */
    public void probeWritable() throws IOException {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path probe = Files.createTempFile(incoming, "probe-", ".part");
        Files.delete(probe);
    }

    public Path root() {
        return root;
    }

    /** Deletes what uploads that died with the server left in {@code incoming/}, if older than {@code cutoff}. */
    public int deleteAbandonedUploads(Instant cutoff) throws IOException {
        Path incoming = root.resolve("incoming");
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path file : files.toList()) {
                if (modified(file).isBefore(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static Instant modified(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException gone) {
            return Instant.MAX;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @param storageKey what FileRecordService.register keeps, and {@link #open} takes back */
    public record StoredFile(String storageKey, long sizeBytes, String sha256) {}
}
