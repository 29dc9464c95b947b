package org.parley.chat.application;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.follow.Follow;
import org.parley.chat.domain.model.follow.FollowRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.persistence.jpa.PersistenceExceptionTranslator;

/** A user's followed rooms. Following twice is following once. */
@Stateless
@Interceptors(PersistenceExceptionTranslator.class)
public class FollowService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    FollowRepository follows;

    @Inject
    Clock clock;

    public FollowService() {
    }

    FollowService(Callers callers, RoomRepository rooms, FollowRepository follows, Clock clock) {
        this.callers = callers;
        this.rooms = rooms;
        this.follows = follows;
        this.clock = clock;
    }

    public RoomView follow(String userUri, String roomUri) {
        Actor actor = callers.participant(userUri);
        Room room = room(roomUri);
        if (follows.find(actor.uri(), room).isEmpty()) {
            follows.add(Follow.start(actor, room, clock.instant()));
        }
        return RoomView.of(room);
    }

    public void unfollow(String userUri, String roomUri) {
        Actor actor = callers.participant(userUri);
        rooms.find(RoomUri.parse(roomUri))
                .flatMap(room -> follows.find(actor.uri(), room))
                .ifPresent(follows::remove);
    }

    /**
     * The followed rooms the user may still join, by name. A follow outlives a lost right (it is the
     * user's list), but a room they may no longer enter is not offered.
     */
    /** The users who follow a room, for new-content notices (no caller: the chat service asks). */
    public List<String> followers(String roomUri) {
        return rooms.find(RoomUri.parse(roomUri))
                .map(room -> follows.followers(room).stream().map(SipUri::value).toList())
                .orElse(List.of());
    }

    public List<RoomView> followed(String userUri) {
        Actor actor = callers.participant(userUri);
        return follows.of(actor.uri()).stream()
                .map(Follow::room)
                .filter(room -> room.canJoin(actor))
                .map(RoomView::of).toList();
    }

    private Room room(String roomUri) {
        return rooms.find(RoomUri.parse(roomUri)).orElseThrow(() -> ChatException.notFound("no room " + roomUri));
    }
}
