package org.parley.web.rest.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.FileRecordService;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/**
 * Posting a file to a room, whichever way the bytes come (PUT, multipart): the room's rules
 * first, then the bytes, then the metadata and the room's announcement of the file.
 * <p>
 * The announcement is stored as a post of the uploader and appears in the room's history; clients
 * connected over SIP see it live only once posts made outside the SIP WAR reach its fan-out (the pool's
 * JMS topic), which is not built yet.
 */
@ApplicationScoped
public class Uploads {

    @Inject
    FileRecordService files;

    @Inject
    FileRegistration registration;

    @Inject
    FileStore store;

    @Inject
    ChatConfiguration configuration;

    @Inject
    ParleyMeters meters;

    /**
     * @param declaredSize the Content-Length, when the client sent one: a file announced too large is
     *                     refused before a byte is read
     * @param downloadBase the URI below which a file's id is its download address
     */
    public FileView upload(String uploaderUri, String roomUri, String fileName, String contentType,
                           long declaredSize, InputStream content, URI downloadBase) throws IOException {
        files.requireUpload(uploaderUri, roomUri, Math.max(declaredSize, 0));
        FileStore.StoredFile stored = store.store(content, configuration.maxFileSizeBytes());
        FileView file = registration.record(uploaderUri, roomUri, new FileDescription(fileName, stored.sizeBytes(), stored.sha256(),
                mediaType(contentType), stored.storageKey()), downloadBase);
        meters.fileUploaded(file.sizeBytes());
        return file;
    }

    /** A content type that is not a media type would break every later download of the file. */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.valueOf(contentType).toString();
        } catch (IllegalArgumentException notAMediaType) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
