package org.parley.chat.application.occupancy;

import java.util.List;
import java.util.Set;

import org.parley.chat.application.dto.RoomView;

/**
 * A room entered, as the transport answers it: the room, the users to list (at most the participant-list limit,
 * the one entering always among them), which users present manage it, and whether the session entered now
 * ({@code false}: it was in the room already, and nothing new was told or recorded).
 */
public record RoomEntry(RoomView room, List<String> listed, Set<String> managers, boolean entered) {

    public RoomEntry {
        listed = List.copyOf(listed);
        managers = Set.copyOf(managers);
    }

    /** Whether the user manages the room. */
    public boolean manages(String userUri) {
        return managers.contains(userUri);
    }
}
