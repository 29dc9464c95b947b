package org.parley.web.rest.rooms;

import java.time.Instant;

import org.parley.chat.application.dto.InvitationView;

/** @param id increasing: the XCCOS inviteId the invitee's client sees */
public record InvitationJson(
        long id, String roomUri, String roomName, String invitee, String inviter, Instant invitedAt, boolean seen) {

    static InvitationJson of(InvitationView invitation) {
        return new InvitationJson(
                invitation.id(),
                invitation.roomUri(),
                invitation.roomName(),
                invitation.invitee(),
                invitation.inviter(),
                invitation.invitedAt(),
                invitation.seen());
    }
}
