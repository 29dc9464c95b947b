package org.parley.chat.interfaces.xccos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.FollowService;
import org.parley.chat.application.FollowerIndex;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.application.presence.RoomPresence;
import org.parley.chat.domain.model.room.RoomUri;

/**
 * Per room, the client sessions online on this node of the users who follow it but are not in it: the audience of
 * its new-content notices, kept up to date on follow and unfollow (the room is read again), sign-in, sign-out,
 * join and part, so that a post costs a look at this set only, not a query and a scan per follower. A room is
 * read (its followers from {@link FollowerIndex}, their sessions, who is in the room) the first time it is asked
 * for and after a follow of it changed. One lock: every change here is a few map operations. The followers are
 * read from the store outside it, so that sign-ins, sign-outs, joins and parts of every room do not wait for one
 * room's read; a follow that changes during the read is noticed and the read is not remembered.
 */
@ApplicationScoped
public class FollowersOutside {

    @Inject
    FollowService follows;

    @Inject
    FollowerIndex followerIndex;

    @Inject
    OnlineClients online;

    @Inject
    RoomPresence presence;

    /** room -> (session -> user) */
    private final Map<String, Map<String, String>> outside = new HashMap<>();
    /** user -> the known rooms they follow */
    private final Map<String, Set<String>> followedBy = new HashMap<>();
    /** room -> its followers as read */
    private final Map<String, Set<String>> followersOf = new HashMap<>();

    /** Moves on every change of a room's follows: a read of followers that began before it is not remembered. */
    private long followsChanges;

    private volatile boolean listening;

    /** The sessions to tell about a post in the room, with their users: a copy. */
    public Map<String, String> of(String roomUri) {
        listen();
        String room = RoomUri.canonical(roomUri);
        long changesBefore;
        synchronized (this) {
            Map<String, String> known = outside.get(room);
            if (known != null) {
                return Map.copyOf(known);
            }
            changesBefore = followsChanges;
        }
        Set<String> followers = followerIndex.followers(room, follows::followers);
        synchronized (this) {
            Map<String, String> known = outside.get(room);
            if (known != null) {
                return Map.copyOf(known);
            }
            if (followsChanges != changesBefore) {
                // A follow changed while we read: these followers may be the old ones; good for this post, not kept.
                return Map.copyOf(sessionsOutside(room, followers));
            }
            return Map.copyOf(load(room, followers));
        }
    }

    private Map<String, String> load(String room, Set<String> followers) {
        Map<String, String> sessions = sessionsOutside(room, followers);
        for (String follower : followers) {
            followedBy.computeIfAbsent(follower, k -> new HashSet<>()).add(room);
        }
        followersOf.put(room, followers);
        outside.put(room, sessions);
        return sessions;
    }

    private Map<String, String> sessionsOutside(String room, Set<String> followers) {
        Map<String, String> sessions = new HashMap<>();
        for (String follower : followers) {
            for (String session : online.sessionsOf(follower)) {
                if (!presence.isPresent(room, session)) {
                    sessions.put(session, follower);
                }
            }
        }
        return sessions;
    }

    /** A follow of the room started or ended: read it again when next asked. */
    public synchronized void followersChanged(String roomUri) {
        followsChanges++;
        String room = RoomUri.canonical(roomUri);
        outside.remove(room);
        Set<String> followers = followersOf.remove(room);
        if (followers != null) {
            for (String follower : followers) {
                Set<String> rooms = followedBy.get(follower);
                if (rooms != null && rooms.remove(room) && rooms.isEmpty()) {
                    followedBy.remove(follower);
                }
            }
        }
    }

    /** A client signed in: it is outside every known room its user follows. */
    public synchronized void signedIn(String userUri, String sessionId) {
        for (String room : followedBy.getOrDefault(userUri, Set.of())) {
            if (!presence.isPresent(room, sessionId)) {
                outside.get(room).put(sessionId, userUri);
            }
        }
    }

    /** A client signed out (its session ended). */
    public synchronized void signedOut(String userUri, String sessionId) {
        for (String room : followedBy.getOrDefault(userUri, Set.of())) {
            outside.get(room).remove(sessionId);
        }
    }

    /** A client entered the room: no longer told about its posts by notice. */
    public synchronized void entered(String roomUri, String sessionId) {
        Map<String, String> sessions = outside.get(RoomUri.canonical(roomUri));
        if (sessions != null) {
            sessions.remove(sessionId);
        }
    }

    /** A client left the room; if its user follows it and the client is still signed in, it is told again. */
    public synchronized void left(String roomUri, String userUri, String sessionId) {
        String room = RoomUri.canonical(roomUri);
        Map<String, String> sessions = outside.get(room);
        if (sessions != null
                && followersOf.get(room).contains(userUri)
                && online.sessionsOf(userUri).contains(sessionId)) {
            sessions.put(sessionId, userUri);
        }
    }

    private void listen() {
        if (!listening) {
            listening = true;
            followerIndex.onChange(this::followersChanged);
        }
    }
}
