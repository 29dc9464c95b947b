package org.parley.chat.domain.model.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * Which messages an administrator's bulk rewrite takes (Remove-CsPersistentChatMessage): of some rooms (none named:
 * every room), by an author, posted from (inclusive) and to (exclusive) a time, whose text contains a string (any
 * case). At least one criterion: a filter that matches every message of the store is refused, and a room's whole
 * history is cleared with a clear.
 */
public record HistoryFilter(Set<Room> rooms, SipUri author, Instant from, Instant to, String textContains) {

    public static final int MAX_TEXT_LENGTH = 256;

    public HistoryFilter {
        rooms = rooms == null ? Set.of() : Set.copyOf(rooms);
        textContains = textContains == null || textContains.isEmpty() ? null : textContains;
        if (rooms.isEmpty() && author == null && from == null && to == null && textContains == null) {
            throw ChatException.invalid("the filter names no room, author, time or text: it would take every message");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ChatException.invalid("the filter's from must be before its to");
        }
        if (textContains != null && textContains.length() > MAX_TEXT_LENGTH) {
            throw ChatException.invalid("the filter's text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }

    /** The filter in words, as the audit trail and compliance keep it: rooms are named by the records themselves. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (author != null) {
            parts.add("author=" + author.value());
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (textContains != null) {
            parts.add("text contains \"" + textContains + "\"");
        }
        if (!rooms.isEmpty()) {
            parts.add(rooms.size() == 1 ? "one room" : rooms.size() + " rooms");
        }
        return String.join(", ", parts);
    }
}
