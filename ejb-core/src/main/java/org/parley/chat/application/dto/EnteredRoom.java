package org.parley.chat.application.dto;

import java.util.Set;

/**
 * A room entered: the room, and which of the users present (the newcomer included) manage it, by the room's rule
 * (a manager may be one through a group or a domain).
 */
public record EnteredRoom(RoomView room, Set<String> managers) {

    public EnteredRoom {
        managers = Set.copyOf(managers);
    }
}
