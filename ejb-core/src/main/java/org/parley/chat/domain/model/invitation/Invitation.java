package org.parley.chat.domain.model.invitation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;

/**
 * An invitation to a room. Its id doubles as the XCCOS {@code inviteId}: clients ask for "invitations
 * with id > N" (cmd:getinv), so ids come from a sequence that increments by one with no pre-allocation,
 * giving ids in the order invitations were made.
 */
@Entity
@Table(name = "room_invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_invitation_id")
    @SequenceGenerator(name = "room_invitation_id", sequenceName = "room_invitation_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Column(name = "invitee_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri invitee;

    @Column(name = "inviter_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri inviter;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "seen", nullable = false)
    private boolean seen;

    protected Invitation() {}

    private Invitation(Room room, SipUri invitee, SipUri inviter, Instant invitedAt) {
        this.room = room;
        this.invitee = invitee;
        this.inviter = inviter;
        this.invitedAt = invitedAt;
    }

    /**
     * A room's managers invite, when the room has invitations on, and only users who could then join it
     * (an invitation grants nothing by itself).
     */
    public static Invitation issue(Room room, Actor by, Subject invitee, Instant now) {
        room.requireManage(by);
        if (!room.invitationsEnabled()) {
            throw ChatException.forbidden("invitations are off for room " + room.name());
        }
        if (!room.canJoin(Actor.user(invitee))) {
            throw ChatException.invalid(invitee.uri() + " may not join room " + room.name());
        }
        return new Invitation(room, invitee.uri(), by.uri(), now);
    }

    /** Settled: the invitee entered the room (or said otherwise that it needs the invitation no more). */
    public void markSeen(SipUri by) {
        if (!invitee.equals(by)) {
            throw ChatException.notFound("no invitation " + id + " for " + by);
        }
        seen = true;
    }

    public Long id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public SipUri invitee() {
        return invitee;
    }

    public SipUri inviter() {
        return inviter;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public boolean isSeen() {
        return seen;
    }
}
