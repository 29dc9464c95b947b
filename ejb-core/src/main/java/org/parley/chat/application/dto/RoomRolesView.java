package org.parley.chat.application.dto;

import java.util.List;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.user.Principal;

/** A room's role lists as principals in written form (sip:..., group:..., domain:..., ou:...), sorted. */
public record RoomRolesView(String roomUri, List<String> members, List<String> managers, List<String> presenters) {

    public static RoomRolesView of(Room room) {
        return new RoomRolesView(
                room.uri().toString(),
                written(room, RoomRole.MEMBER),
                written(room, RoomRole.MANAGER),
                written(room, RoomRole.PRESENTER));
    }

    private static List<String> written(Room room, RoomRole role) {
        return room.holders(role).stream().map(Principal::toString).sorted().toList();
    }
}
