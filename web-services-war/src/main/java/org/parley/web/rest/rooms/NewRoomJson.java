package org.parley.web.rest.rooms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomType;

/**
 * A room to create. Left out: the Root category, privacy CLOSED and type NORMAL (the product's defaults
 * for a new room).
 */
public record NewRoomJson(@NotBlank @Size(max = Room.MAX_NAME_LENGTH) String name,
                          @Size(max = Room.MAX_DESCRIPTION_LENGTH) String description,
                          String categoryUri,
                          Privacy privacy,
                          RoomType type) {

    Privacy privacyOrDefault() {
        return privacy == null ? Privacy.CLOSED : privacy;
    }

    RoomType typeOrDefault() {
        return type == null ? RoomType.NORMAL : type;
    }
}
