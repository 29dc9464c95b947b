package org.parley.chat.application.dto;

import java.time.Instant;

import org.parley.chat.domain.model.file.FileRecord;

public record FileView(
        long id,
        String roomUri,
        String fileName,
        long sizeBytes,
        String sha256,
        String contentType,
        String storageKey,
        String uploader,
        Instant uploadedAt) {

    public static FileView of(FileRecord file) {
        return new FileView(
                file.id(),
                file.room().uri().toString(),
                file.fileName(),
                file.sizeBytes(),
                file.sha256(),
                file.contentType(),
                file.storageKey(),
                file.uploader().value(),
                file.uploadedAt());
    }
}
