package org.parley.chat.application;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.RoomView;
import org.parley.chat.application.events.AfterCommit;
import org.parley.chat.domain.model.follow.Follow;
import org.parley.chat.domain.model.follow.FollowRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;

/**
 * A user's followed rooms. Following twice is following once. Only a user who may read a room follows it: a
 * change that takes the right ends the follow ({@link AccessChanges}), and so does a notice that finds it gone.
 */
@Stateless
public class FollowService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    FollowRepository follows;

    @Inject
    Clock clock;

    @Inject
    FollowerIndex followerIndex;

    @Inject
    AfterCommit afterCommit;

    public FollowService() {}

    FollowService(Callers callers, RoomRepository rooms, FollowRepository follows, Clock clock) {
        this.callers = callers;
        this.rooms = rooms;
        this.follows = follows;
        this.clock = clock;
        this.followerIndex = new FollowerIndex();
        this.afterCommit = AfterCommit.immediate();
    }

    /**
     * Follows the room, if the user may join it. Idempotent, also when two clients of the user join for the
     * first time at the same moment: the second insert would break the unique key (a conflict for that join), so
     * a first follow takes the room's row lock and looks again under it; whoever comes second finds the first's
     * follow. A follow that exists costs no lock.
     */
    public RoomView follow(String userUri, String roomUri) {
        Actor actor = callers.participant(userUri);
        Room room = Found.room(rooms, roomUri);
        if (follows.find(actor.uri(), room).isEmpty()) {
            rooms.lockForPosting(room.uri());
            if (follows.find(actor.uri(), room).isEmpty()) {
                follows.add(Follow.start(actor, room, clock.instant()));
                followersChanged(room);
            }
        }
        return RoomView.of(room);
    }

    /** Stops following the room; a room not followed (or gone) is no error. */
    public void unfollow(String userUri, String roomUri) {
        Actor actor = callers.participant(userUri);
        rooms.find(RoomUri.parse(roomUri))
                .ifPresent(room -> follows.find(actor.uri(), room).ifPresent(follow -> {
                    follows.remove(follow);
                    followersChanged(room);
                }));
    }

    private void followersChanged(Room room) {
        String uri = room.uri().toString();
        afterCommit.run(() -> followerIndex.changed(uri));
    }

    /** The users who follow a room, for new-content notices (no caller: the chat service asks). */
    public List<String> followers(String roomUri) {
        return rooms.find(RoomUri.parse(roomUri))
                .map(room -> follows.followers(room).stream().map(SipUri::value).toList())
                .orElse(List.of());
    }

    /**
     * Of {@code followers}, those who may read the room now (the read rule of history reads): a new-content
     * notice goes to them only. Whoever may not read stops following it (a follow is ended at the change that
     * took the right where the change can tell whom it concerns; this catches the rest, e.g. a shared policy).
     */
    public Set<String> readers(String roomUri, Collection<String> followers) {
        Room room = rooms.find(RoomUri.parse(roomUri)).orElse(null);
        if (room == null) {
            return Set.of();
        }
        Set<String> readers = new HashSet<>();
        for (String follower : followers) {
            if (callers.mayRead(follower, room)) {
                readers.add(follower);
            } else {
                follows.find(SipUri.parse(follower), room).ifPresent(follows::remove);
            }
        }
        return readers;
    }

    /** The followed rooms the user may still join, by name. */
    public List<RoomView> followed(String userUri) {
        Actor actor = callers.participant(userUri);
        return follows.of(actor.uri()).stream()
                .map(Follow::room)
                .filter(room -> room.canJoin(actor))
                .map(RoomView::of)
                .toList();
    }
}
