package org.parley.chat.application.dto;

import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomSettings;
import org.parley.chat.domain.model.room.RoomType;

/**
 * A room as callers see it. {@code version} changes with every settings or role change (not with posts):
 * the web layer's ETag, handed back as {@code expectedVersion}.
 *
 * @param invitationsEnabled the effective switch (category and room)
 * @param addInName          the add-in clients show beside the room, or null; {@code addInUrl} its page
 */
public record RoomView(
        String uri,
        String name,
        String description,
        String topic,
        Privacy privacy,
        RoomType type,
        InvitationSetting invitations,
        boolean disabled,
        String categoryUri,
        String categoryName,
        boolean invitationsEnabled,
        boolean fileUploadAllowed,
        boolean historyEnabled,
        long lastMessageSeq,
        long version,
        String addInName,
        String addInUrl) {

    public static RoomView of(Room room) {
        RoomSettings settings = room.settings();
        return new RoomView(
                room.uri().toString(),
                settings.name(),
                settings.description(),
                settings.topic(),
                settings.privacy(),
                settings.type(),
                settings.invitations(),
                room.isDisabled(),
                room.category().uri().toString(),
                room.category().name(),
                room.invitationsEnabled(),
                room.fileUploadAllowed(),
                room.historyEnabled(),
                room.lastMessageSeq(),
                room.version(),
                room.addIn() == null ? null : room.addIn().name(),
                room.addIn() == null ? null : room.addIn().url());
    }

    public RoomSettings settings() {
        return new RoomSettings(name, description, topic, privacy, type, invitations);
    }
}
