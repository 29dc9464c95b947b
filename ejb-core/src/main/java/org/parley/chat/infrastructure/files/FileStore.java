package org.parley.chat.infrastructure.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.parley.chat.domain.shared.ChatException;

/**
 * The bytes of the files posted to rooms, on disk under one directory ({@value #DIRECTORY}). Files are named
 * by the SHA-256 of their content, never by anything a client sent, so no name can leave the directory and
 * the same bytes posted twice are kept once. A file is written aside and moved into place when complete:
 * a reader never sees half a file, and an aborted upload leaves nothing behind.
 */
public final class FileStore {

    public static final String DIRECTORY = "parley.filestore.dir";

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
                        throw new ChatException(ChatException.Reason.TOO_LARGE,
                                "files are limited to " + maxBytes + " bytes");
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

    /** Same name, same bytes: a file already there is the one being stored, so it is kept as it is. */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException concurrent) {
            // Another upload of the same bytes got there first.
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Files.move(temporary, target);
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
    public record StoredFile(String storageKey, long sizeBytes, String sha256) {
    }
}
