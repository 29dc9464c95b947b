package org.parley.chat.domain.model.message;

import java.util.List;

import org.parley.chat.domain.model.room.Room;

public interface HistoryChangeRepository {

    void add(HistoryChange change);

    /** The room's changes, oldest first. */
    List<HistoryChange> of(Room room);
}
