package org.parley.web.rest.rooms;

import java.util.List;

import org.parley.chat.application.dto.RoomRolesView;

/** A room's role lists, principals written {@code sip:...}, {@code group:...} or {@code domain:...}, sorted. */
public record RoomRolesJson(List<String> members, List<String> managers, List<String> presenters) {

    static RoomRolesJson of(RoomRolesView roles) {
        return new RoomRolesJson(roles.members(), roles.managers(), roles.presenters());
    }
}
