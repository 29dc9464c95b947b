package org.parley.chat.domain.model.file;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parley.chat.domain.model.room.Room;

public interface FileRecordRepository {

    Optional<FileRecord> find(long id);

    /** The room's files, newest first. */
    List<FileRecord> of(Room room);

    void add(FileRecord file);

    /** The newest file of the room with that display name (XCCOS clients name files, not ids). */
    Optional<FileRecord> newestNamed(Room room, String fileName);

    /** Which of these storage keys some file record still names. */
    Set<String> referencedKeys(Collection<String> storageKeys);

    /** Deletes the room's file records uploaded before {@code before}; how many (their bytes become orphans). */
    int removeUploadedBefore(Room room, Instant before);

    void remove(FileRecord file);
}
