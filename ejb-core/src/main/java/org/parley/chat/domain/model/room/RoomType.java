package org.parley.chat.domain.model.room;

public enum RoomType {
    /** Every member posts. */
    NORMAL,
    /** Only presenters post; members read. */
    AUDITORIUM
}
