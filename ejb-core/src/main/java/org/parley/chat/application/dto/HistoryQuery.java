package org.parley.chat.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * An administrator's filter over history, as the edge gives it (see {@code HistoryFilter}).
 *
 * @param roomUris     the rooms; empty: every room
 * @param author       a SIP URI, or null for any author
 * @param from         posted at or after, or null
 * @param to           posted before, or null
 * @param textContains a text the message contains (any case), or null
 */
public record HistoryQuery(List<String> roomUris, String author, Instant from, Instant to, String textContains) {

    public HistoryQuery {
        roomUris = roomUris == null ? List.of() : List.copyOf(roomUris);
    }
}
