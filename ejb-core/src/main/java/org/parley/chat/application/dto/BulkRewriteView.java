package org.parley.chat.application.dto;

import java.util.List;

/**
 * What a bulk rewrite of history matched, and (unless a dry run) deleted or rewrote.
 *
 * @param files how many files go (went) with their announcements among the messages
 * @param rooms the rooms with matching messages, with how many
 */
public record BulkRewriteView(boolean dryRun, String filter, long messages, long files, List<RoomCount> rooms) {

    public BulkRewriteView {
        rooms = List.copyOf(rooms);
    }

    public record RoomCount(String roomUri, String roomName, long messages, long files) {}
}
