package org.parley.web.rest.rooms;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomType;

/**
 * A room to create, in one step if wished with who holds its roles (principals: sip:..., group:..., domain:...,
 * ou:...). Left out: the Root category, privacy CLOSED, type NORMAL and invitations INHERIT (the product's defaults
 * for a new room), and nobody but its creator (a manager) in a role.
 */
public record NewRoomJson(
        @NotBlank @Size(max = Room.MAX_NAME_LENGTH) String name,
        @Size(max = Room.MAX_DESCRIPTION_LENGTH) String description,
        String categoryUri,
        Privacy privacy,
        RoomType type,
        InvitationSetting invitations,
        @Size(max = 1000) Set<@NotBlank String> members,
        @Size(max = 1000) Set<@NotBlank String> managers,
        @Size(max = 1000) Set<@NotBlank String> presenters) {

    Privacy privacyOrDefault() {
        return privacy == null ? Privacy.CLOSED : privacy;
    }

    RoomType typeOrDefault() {
        return type == null ? RoomType.NORMAL : type;
    }
}
