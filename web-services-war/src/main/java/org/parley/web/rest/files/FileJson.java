package org.parley.web.rest.files;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.parley.chat.application.dto.FileView;
import org.parley.chat.domain.model.room.RoomUri;

/**
 * A file posted to a room, as the web services show it: where the file store keeps it is none of the
 * client's business.
 *
 * @param roomId the GUID of the room's ma-chan URI, as in the room paths
 */
@JsonbPropertyOrder({
    "id",
    "roomId",
    "roomUri",
    "fileName",
    "sizeBytes",
    "sha256",
    "contentType",
    "uploader",
    "uploadedAt"
})
public record FileJson(
        long id,
        String roomId,
        String roomUri,
        String fileName,
        long sizeBytes,
        String sha256,
        String contentType,
        String uploader,
        Instant uploadedAt) {

    static FileJson of(FileView file) {
        return new FileJson(
                file.id(),
                RoomUri.parse(file.roomUri()).guid().toString(),
                file.roomUri(),
                file.fileName(),
                file.sizeBytes(),
                file.sha256(),
                file.contentType(),
                file.uploader(),
                file.uploadedAt());
    }
}
