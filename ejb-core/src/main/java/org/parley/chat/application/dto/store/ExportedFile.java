package org.parley.chat.application.dto.store;

import java.time.Instant;

/**
 * A file posted to a room, as an export carries it with {@code files=true}: its record and, in the document, its
 * bytes (base64). Read back on import, the bytes are already in this server's file store under {@code storageKey}
 * (null on a dry run, which stores nothing).
 */
public record ExportedFile(
        String roomUri,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploader,
        Instant uploadedAt,
        String storageKey) {}
