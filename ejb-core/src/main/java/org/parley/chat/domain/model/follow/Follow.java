package org.parley.chat.domain.model.follow;

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
import jakarta.persistence.UniqueConstraint;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;

/** A room on a user's list of followed rooms (the client's "Followed" list), at most once per room. */
@Entity
@Table(
        name = "room_follow",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "room_follow_user_room_uk",
                        columnNames = {"user_uri", "room_id"}))
public class Follow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_follow_id")
    @SequenceGenerator(name = "room_follow_id", sequenceName = "room_follow_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Column(name = "followed_at", nullable = false)
    private Instant followedAt;

    protected Follow() {}

    private Follow(SipUri user, Room room, Instant followedAt) {
        this.user = user;
        this.room = room;
        this.followedAt = followedAt;
    }

    /** Only rooms the user may join can be followed (a followed room is one the client rejoins). */
    public static Follow start(Actor actor, Room room, Instant now) {
        room.requireJoin(actor);
        return new Follow(actor.uri(), room, now);
    }

    public SipUri user() {
        return user;
    }

    public Room room() {
        return room;
    }

    public Instant followedAt() {
        return followedAt;
    }
}
