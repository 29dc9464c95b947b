package org.parley.chat.application.dto;

import java.time.Duration;
import java.time.Instant;

import org.parley.chat.domain.model.room.Room;

/**
 * A room that keeps history for a limited time, and what its retention takes now (a preview) or took (a run).
 *
 * @param days     how long the room keeps a message (its own retention, or its category's)
 * @param cutoff   messages stored before this go
 * @param messages how many go (preview) or went (run)
 */
public record RetentionView(String roomUri, String roomName, int days, Instant cutoff, long messages) {

    /** A room that keeps history for a limited time, its retention at {@code now}. */
    public static RetentionView of(Room room, Instant now, long messages) {
        Duration keep = room.retention()
                .orElseThrow(() -> new IllegalArgumentException("room " + room.uri() + " keeps history for ever"));
        return new RetentionView(room.uri().toString(), room.name(), (int) keep.toDays(), now.minus(keep), messages);
    }

    public RetentionView withMessages(long count) {
        return new RetentionView(roomUri, roomName, days, cutoff, count);
    }
}
