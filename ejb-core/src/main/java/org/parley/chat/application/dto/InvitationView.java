package org.parley.chat.application.dto;

import java.time.Instant;

import org.parley.chat.domain.model.invitation.Invitation;

/** @param id the XCCOS inviteId: increasing, so "invitations after N" is a plain comparison */
public record InvitationView(
        long id, String roomUri, String roomName, String invitee, String inviter, Instant invitedAt, boolean seen) {

    public static InvitationView of(Invitation invitation) {
        return new InvitationView(
                invitation.id(),
                invitation.room().uri().toString(),
                invitation.room().name(),
                invitation.invitee().value(),
                invitation.inviter().value(),
                invitation.invitedAt(),
                invitation.isSeen());
    }
}
