package org.parley.chat.domain.model.file;

import java.util.List;
import java.util.Optional;

import org.parley.chat.domain.model.room.Room;

public interface FileRecordRepository {

    Optional<FileRecord> find(long id);

    /** The room's files, newest first. */
    List<FileRecord> of(Room room);

    void add(FileRecord file);
}
