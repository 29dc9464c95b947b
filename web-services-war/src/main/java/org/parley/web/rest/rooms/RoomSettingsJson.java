package org.parley.web.rest.rooms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;

/** A room's editable settings, replaced as a whole by PUT: what a GET returned, edited. */
public record RoomSettingsJson(
        @NotBlank @Size(max = Room.MAX_NAME_LENGTH) String name,
        @Size(max = Room.MAX_DESCRIPTION_LENGTH) String description,
        @Size(max = Room.MAX_TOPIC_LENGTH) String topic,
        @NotNull Privacy privacy,
        @NotNull RoomType type,
        @NotNull InvitationSetting invitations) {

    RoomSettings settings() {
        return new RoomSettings(name, description, topic, privacy, type, invitations);
    }
}
