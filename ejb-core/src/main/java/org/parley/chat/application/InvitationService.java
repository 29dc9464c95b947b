package org.parley.chat.application;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.InvitationView;
import org.parley.chat.domain.model.invitation.Invitation;
import org.parley.chat.domain.model.invitation.InvitationRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * Room invitations and the XCCOS getinv query ("my unsettled invitations with id > N"). An invitation is
 * settled ("seen") when the invitee enters the room; a client acknowledges what it has by the id it names.
 */
@Stateless
public class InvitationService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    InvitationRepository invitations;

    @Inject
    Clock clock;

    public InvitationService() {}

    InvitationService(Callers callers, RoomRepository rooms, InvitationRepository invitations, Clock clock) {
        this.callers = callers;
        this.rooms = rooms;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** Invites a user who may join the room; an unseen invitation to the same room is returned, not repeated. */
    public InvitationView invite(String actorUri, String roomUri, String inviteeUri) {
        Actor actor = callers.actor(actorUri);
        Room room = Found.room(rooms, roomUri);
        SipUri invitee = SipUri.parse(inviteeUri);
        Invitation invitation = Invitation.issue(room, actor, callers.subjectOf(invitee), clock.instant());
        return invitations.findPending(room, invitee).map(InvitationView::of).orElseGet(() -> {
            invitations.add(invitation);
            return InvitationView.of(invitation);
        });
    }

    /** Unseen invitations with an id above {@code afterId} (0: all) to rooms the user may still join, by id. */
    public List<InvitationView> pending(String userUri, long afterId) {
        Actor actor = callers.participant(userUri);
        return invitations.pendingFor(actor.uri(), afterId).stream()
                .filter(invitation -> invitation.room().canJoin(actor))
                .map(InvitationView::of)
                .toList();
    }

    /**
     * The user entered the room: the invitation to it, if any, is settled and getinv no longer lists it. This,
     * not handing it over, is what settles an invitation, so that every client of the user gets it, and a
     * client whose reply was lost gets it again at its next sign-in.
     */
    public void accepted(String userUri, String roomUri) {
        SipUri invitee = SipUri.parse(userUri);
        rooms.find(RoomUri.parse(roomUri))
                .flatMap(room -> invitations.findPending(room, invitee))
                .ifPresent(invitation -> invitation.markSeen(invitee));
    }

    public InvitationView markSeen(String userUri, long invitationId) {
        Actor actor = callers.participant(userUri);
        Invitation invitation = invitations
                .find(invitationId)
                .orElseThrow(() -> ChatException.notFound("no invitation " + invitationId));
        invitation.markSeen(actor.uri());
        return InvitationView.of(invitation);
    }
}
