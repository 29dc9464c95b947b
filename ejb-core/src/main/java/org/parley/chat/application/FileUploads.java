package org.parley.chat.application;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.FileView;
import org.parley.chat.application.dto.RedeemedFileToken;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/**
 * Posting a file to a room, whichever way the bytes come (the files API's PUT, a browser's multipart POST, or a
 * SIP client's PUT with the token of cmd:getfutok): the room's rules first, so that a refused upload reads no byte;
 * then the bytes, streamed into the file store; then the file's record, its compliance FILEUPLOAD and the room's
 * announcement of it, in one transaction ({@link FileRecordService#registerAnnounced}).
 * <p>
 * A CDI bean, not an EJB, on purpose: an upload may take minutes, and while the bytes arrive it holds no
 * transaction, no database connection and no pooled bean; the transactions are those of the services it calls.
 */
@ApplicationScoped
public class FileUploads {

    @Inject
    FileRecordService files;

    @Inject
    FileTransferService transfers;

    @Inject
    FileStore store;

    @Inject
    ChatConfiguration configuration;

    @Inject
    ParleyMeters meters;

    public FileUploads() {}

    FileUploads(
            FileRecordService files,
            FileTransferService transfers,
            FileStore store,
            ChatConfiguration configuration,
            ParleyMeters meters) {
        this.files = files;
        this.transfers = transfers;
        this.store = store;
        this.configuration = configuration;
        this.meters = meters;
    }

    /**
     * @param contentType  the file's media type, as downloads will send it
     * @param declaredSize the size the client announced (Content-Length), or -1: a file announced too large is
     *                     refused before a byte is read
     * @param downloadBase the URI that, resolved against a file id, downloads the file (the announcement's link)
     */
    public FileView upload(
            String uploaderUri,
            String roomUri,
            String fileName,
            String contentType,
            long declaredSize,
            InputStream content,
            URI downloadBase)
            throws IOException {
        files.requireUpload(uploaderUri, roomUri, Math.max(declaredSize, 0));
        FileStore.StoredFile stored = store.store(content, configuration.maxFileSizeBytes());
        FileView file = files.registerAnnounced(
                uploaderUri,
                roomUri,
                new FileDescription(fileName, stored.sizeBytes(), stored.sha256(), contentType, stored.storageKey()),
                downloadBase);
        meters.fileUploaded(file.sizeBytes());
        return file;
    }

    /**
     * An upload by XCCOS file token: the token is spent first, in its own transaction (a failed transfer does not
     * give it back), then the file is posted as its user's, under the same rules as {@link #upload}.
     */
    public FileView uploadWithToken(
            String token, String contentType, long declaredSize, InputStream content, URI downloadBase)
            throws IOException {
        RedeemedFileToken redeemed = transfers.redeem(token, FileTransfer.UPLOAD);
        return upload(
                redeemed.userUri(),
                redeemed.roomUri(),
                redeemed.fileName(),
                contentType,
                declaredSize,
                content,
                downloadBase);
    }
}
