package org.parley.chat.application.dto;

import java.util.Set;

import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/**
 * A room to create in one step (New-CsPersistentChatRoom): its settings, and who holds its roles from the start
 * (principals in written form: sip:..., group:..., domain:..., ou:...). Its creator is a manager whatever the list
 * says; without an invitations setting it inherits its category's.
 */
public record NewRoom(
        String name,
        String description,
        String categoryUri,
        Privacy privacy,
        RoomType type,
        InvitationSetting invitations,
        Set<String> members,
        Set<String> managers,
        Set<String> presenters) {

    public NewRoom {
        invitations = invitations == null ? InvitationSetting.INHERIT : invitations;
        members = members == null ? Set.of() : Set.copyOf(members);
        managers = managers == null ? Set.of() : Set.copyOf(managers);
        presenters = presenters == null ? Set.of() : Set.copyOf(presenters);
    }

    /** Settings only: no one but its creator in a role yet. */
    public NewRoom(String name, String description, String categoryUri, Privacy privacy, RoomType type) {
        this(name, description, categoryUri, privacy, type, null, null, null, null);
    }
}
