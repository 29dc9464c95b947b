package org.parley.chat.application;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.domain.model.file.FileAnnouncement;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;

/** The metadata of files posted to rooms; the bytes are the file store's (parley.filestore.dir). */
@Stateless
public class FileRecordService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    FileRecordRepository files;

    @Inject
    ChatConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    PostService posts;

    public FileRecordService() {}

    FileRecordService(
            Callers callers,
            RoomRepository rooms,
            FileRecordRepository files,
            ChatConfiguration configuration,
            Clock clock,
            ComplianceRecorder compliance,
            PostService posts) {
        this.callers = callers;
        this.rooms = rooms;
        this.files = files;
        this.configuration = configuration;
        this.clock = clock;
        this.compliance = compliance;
        this.posts = posts;
    }

    /**
     * Checks whether {@code actorUri} may post a file of that size to the room. Call it before storing
     * the bytes, then {@link #register} after: the same rules, so the bytes are not stored in vain.
     */
    public void requireUpload(String actorUri, String roomUri, long sizeBytes) {
        Actor actor = callers.participant(actorUri);
        Room room = Found.room(rooms, roomUri);
        requireSize(sizeBytes);
        FileRecord.requireUpload(room, actor);
    }

    public FileView register(String actorUri, String roomUri, FileDescription file) {
        return FileView.of(register(callers.participant(actorUri), Found.room(rooms, roomUri), file));
    }

    /**
     * Registers stored bytes as a file of the room and posts the uploader's announcement of it
     * ({@link FileAnnouncement#text}), in this one transaction: a file nobody was told about, or an announcement
     * of a file that is not there, cannot be left behind. The uploader is looked up once, for both; the rules are
     * those of {@link #requireUpload} again, since rights may have changed while the bytes were arriving.
     *
     * @param downloadBase the URI that, resolved against a file id, downloads the file
     */
    public FileView registerAnnounced(String uploaderUri, String roomUri, FileDescription file, URI downloadBase) {
        Actor uploader = callers.participant(uploaderUri);
        Room room = Found.room(rooms, roomUri);
        FileRecord record = register(uploader, room, file);
        posts.postAs(
                uploader,
                room.uri().toString(),
                FileAnnouncement.text(record.fileName(), record.sizeBytes(), downloadBase, record.id()));
        return FileView.of(record);
    }

    private FileRecord register(Actor actor, Room room, FileDescription file) {
        requireSize(file.sizeBytes());
        FileRecord record = FileRecord.register(room, actor, file, clock.instant());
        files.add(record);
        compliance.recordUpload(room, actor.uri().value(), clock.instant(), file);
        return record;
    }

    /** The room's files, newest first, for whoever may read the room. */
    public List<FileView> files(String actorUri, String roomUri) {
        Actor actor = callers.participant(actorUri);
        Room room = Found.room(rooms, roomUri);
        room.requireRead(actor);
        return files.of(room).stream().map(FileView::of).toList();
    }

    public FileView find(String actorUri, long fileId) {
        return FileView.of(readable(callers.participant(actorUri), fileId));
    }

    /**
     * The file's metadata for handing its bytes to {@code actorUri}, who must be allowed to read its room;
     * the download is a compliance event, as the upload was.
     */
    public FileView download(String actorUri, long fileId) {
        Actor actor = callers.participant(actorUri);
        FileRecord file = readable(actor, fileId);
        compliance.record(
                ComplianceEventType.FILEDOWNLOAD,
                file.room(),
                actor.uri().value(),
                clock.instant(),
                Map.of(
                        "file",
                        file.fileName(),
                        "size",
                        Long.toString(file.sizeBytes()),
                        "fileId",
                        file.id().toString()));
        return FileView.of(file);
    }

    /** A file of a room the actor may not read does not exist for them, as the room does not. */
    private FileRecord readable(Actor actor, long fileId) {
        FileRecord file = files.find(fileId).orElseThrow(() -> ChatException.notFound("no file " + fileId));
        if (!file.room().canRead(actor)) {
            throw ChatException.notFound("no file " + fileId);
        }
        return file;
    }

    private void requireSize(long sizeBytes) {
        if (sizeBytes > configuration.maxFileSizeBytes()) {
            throw new ChatException(
                    ChatException.Reason.TOO_LARGE,
                    "files are limited to " + configuration.maxFileSizeBytes() + " bytes");
        }
    }
}
