package org.parley.chat.application.dto.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.parley.chat.domain.shared.ChatException;

/**
 * What an export takes: the rooms named and the rooms of the categories named (neither: every room), their
 * messages stored from {@code from} (inclusive) to {@code to} (exclusive), and, with {@code files}, the bytes of the
 * files posted to those rooms. Policies, users, groups and add-ins always go whole (small, and what the rooms'
 * lists name); categories only those of the rooms taken and those named.
 *
 * @param roomUris     ma-chan URIs
 * @param categoryUris ma-cat URIs
 * @param from         null: from the first message
 * @param to           null: to the last
 */
public record ExportFilter(Set<String> roomUris, Set<String> categoryUris, Instant from, Instant to, boolean files) {

    public ExportFilter {
        roomUris = roomUris == null ? Set.of() : Set.copyOf(roomUris);
        categoryUris = categoryUris == null ? Set.of() : Set.copyOf(categoryUris);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ChatException.invalid("an export's from (" + from + ") must be before its to (" + to + ")");
        }
    }

    public static ExportFilter everything() {
        return new ExportFilter(Set.of(), Set.of(), null, null, false);
    }

    /** Whether every room is taken (no room or category named). */
    public boolean allRooms() {
        return roomUris.isEmpty() && categoryUris.isEmpty();
    }

    public boolean takes(String roomUri, String categoryUri) {
        return allRooms() || roomUris.contains(roomUri) || categoryUris.contains(categoryUri);
    }

    /** The filter in words, for the compliance record and the log. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(
                allRooms()
                        ? "every room"
                        : roomUris.size() + " rooms named, " + categoryUris.size() + " categories named");
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("before " + to);
        }
        parts.add(files ? "with files" : "without files");
        return String.join(", ", parts);
    }
}
