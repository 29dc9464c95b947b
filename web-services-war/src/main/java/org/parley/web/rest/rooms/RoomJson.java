package org.parley.web.rest.rooms;

import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.room.RoomUri;

/**
 * A room as the API shows it.
 *
 * @param id                 the room's GUID, its name in API paths ({@code /rooms/{id}})
 * @param uri                its XCCOS name, {@code ma-chan://<domain>/<id>}
 * @param invitationsEnabled the effective switch: the room's own setting within its category's
 * @param version            also the ETag; changes with settings and roles, not with messages
 * @param addIn              the add-in clients show beside the room, or null; {@code addInUrl} its page
 */
public record RoomJson(
        String id,
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
        String addIn,
        String addInUrl) {

    public static RoomJson of(RoomView room) {
        return new RoomJson(
                RoomUri.parse(room.uri()).guid().toString(),
                room.uri(),
                room.name(),
                room.description(),
                room.topic(),
                room.privacy(),
                room.type(),
                room.invitations(),
                room.disabled(),
                room.categoryUri(),
                room.categoryName(),
                room.invitationsEnabled(),
                room.fileUploadAllowed(),
                room.historyEnabled(),
                room.lastMessageSeq(),
                room.version(),
                room.addInName(),
                room.addInUrl());
    }
}
