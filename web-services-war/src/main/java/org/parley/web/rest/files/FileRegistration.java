package org.parley.web.rest.files;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.chat.application.FileRecordService;
import org.parley.chat.application.PostService;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.domain.model.file.FileAnnouncement;
import org.parley.chat.domain.model.file.FileDescription;

/**
 * The metadata of stored bytes and the room's announcement of them, in one transaction: a file nobody
 * was told about, or an announcement of a file that is not there, cannot be left behind. A bean of its
 * own so that the transaction is the container's (an interceptor), not the streaming upload's.
 */
@ApplicationScoped
public class FileRegistration {

    @Inject
    FileRecordService files;

    @Inject
    PostService posts;

    /** @param downloadBase the URI that, resolved against a file id, downloads the file */
    @Transactional
    public FileView record(String uploaderUri, String roomUri, FileDescription description, URI downloadBase) {
        FileView file = files.register(uploaderUri, roomUri, description);
        posts.post(uploaderUri, roomUri, FileAnnouncement.text(file.fileName(), file.sizeBytes(), downloadBase,
                file.id()), null);
        return file;
    }
}
