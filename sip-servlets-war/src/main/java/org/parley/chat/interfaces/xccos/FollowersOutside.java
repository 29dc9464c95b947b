package org.parley.chat.interfaces.xccos;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
 * join and part, so that a post costs a look at this audience only, not a query and a scan per follower. A room is
 * read (its followers from {@link FollowerIndex}, their sessions, who is in the room) the first time it is asked
 * for and after a follow of it changed. One lock: every change here is a few map operations. The followers are
 * read from the store outside it, so that sign-ins, sign-outs, joins and parts of every room do not wait for one
 * room's read; a follow that changes during the read is noticed and the room is read again next time.
 *
 * <p>Each room's audience is split by the notices' quiet period ({@link NewContentNotices}): the sessions due a
 * notice now, and those told, in the order their quiet period ends. A post takes the due ones, if any, and moves
 * them to the told, so a post where nobody is due looks at the first told session and no further: its cost does
 * not grow with the room's followers (a room of 200 followers with 2 posts a second would otherwise look at each
 * of them twice a second to tell them once a minute). A session's quiet period outlives its joining and leaving the
 * room and a new read of the room's followers; it ends with the session.
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

    /** room -> its audience */
    private final Map<String, Audience> audiences = new HashMap<>();
    /** user -> the known rooms they follow: a sign-in or sign-out touches these rooms only */
    private final Map<String, Set<String>> followedBy = new HashMap<>();

    /** Moves on every change of a room's follows: a read of followers that began before it is read again. */
    private long followsChanges;

    /** Told or due sessions a post looked at, for the tests that count a post's work. */
    private long looked;

    private volatile boolean listening;

    /**
     * The sessions due a notice of a post in the room now, with their users; they are told, and not due again
     * until {@code quietUntil}. Empty, having looked at one session at most, when nobody is due.
     */
    public Map<String, String> takeDue(String roomUri, Instant now, Instant quietUntil) {
        return withAudience(roomUri, audience -> audience.takeDue(now, quietUntil));
    }

    /** Every session of the room's audience, due or told, with its user: a copy, for checks and tests. */
    public Map<String, String> of(String roomUri) {
        return withAudience(roomUri, Audience::sessions);
    }

    /** Told or due sessions posts looked at so far: what a post costs here, for the tests. */
    synchronized long looked() {
        return looked;
    }

    private <T> T withAudience(String roomUri, Function<Audience, T> use) {
        listen();
        String room = RoomUri.canonical(roomUri);
        long changesBefore;
        synchronized (this) {
            Audience known = audiences.get(room);
            if (known != null && known.current) {
                return use.apply(known);
            }
            changesBefore = followsChanges;
        }
        Set<String> followers = followerIndex.followers(room, follows::followers);
        synchronized (this) {
            Audience audience = audiences.computeIfAbsent(room, k -> new Audience());
            if (!audience.current) {
                // A follow changed while we read: these followers may be the old ones; good for this post, read
                // again for the next.
                load(room, audience, followers, followsChanges == changesBefore);
            }
            return use.apply(audience);
        }
    }

    private void load(String room, Audience audience, Set<String> followers, boolean current) {
        for (String former : audience.followers) {
            if (!followers.contains(former)) {
                Set<String> rooms = followedBy.get(former);
                if (rooms != null && rooms.remove(room) && rooms.isEmpty()) {
                    followedBy.remove(former);
                }
            }
        }
        for (String follower : followers) {
            followedBy.computeIfAbsent(follower, k -> new HashSet<>()).add(room);
        }
        audience.followers = followers;
        audience.current = current;
        audience.allInside();
        for (String follower : followers) {
            for (String session : online.sessionsOf(follower)) {
                if (!presence.isPresent(room, session)) {
                    audience.outside(session, follower);
                }
            }
        }
    }

    /** A follow of the room started or ended: read it again when next asked; who was told stays told. */
    public synchronized void followersChanged(String roomUri) {
        followsChanges++;
        Audience audience = audiences.get(RoomUri.canonical(roomUri));
        if (audience != null) {
            audience.current = false;
        }
    }

    /** A client signed in: it is outside every known room its user follows. */
    public synchronized void signedIn(String userUri, String sessionId) {
        for (String room : followedBy.getOrDefault(userUri, Set.of())) {
            if (!presence.isPresent(room, sessionId)) {
                audiences.get(room).outside(sessionId, userUri);
            }
        }
    }

    /** A client signed out (its session ended): forgotten in the rooms its user follows, and only there. */
    public synchronized void signedOut(String userUri, String sessionId) {
        for (String room : followedBy.getOrDefault(userUri, Set.of())) {
            audiences.get(room).forget(sessionId);
        }
    }

    /** A client entered the room: no longer told about its posts by notice. */
    public synchronized void entered(String roomUri, String sessionId) {
        Audience audience = audiences.get(RoomUri.canonical(roomUri));
        if (audience != null) {
            audience.inside(sessionId);
        }
    }

    /** A client left the room; if its user follows it and the client is still signed in, it is told again. */
    public synchronized void left(String roomUri, String userUri, String sessionId) {
        Audience audience = audiences.get(RoomUri.canonical(roomUri));
        if (audience != null
                && audience.followers.contains(userUri)
                && online.sessionsOf(userUri).contains(sessionId)) {
            audience.outside(sessionId, userUri);
        }
    }

    private void listen() {
        if (!listening) {
            listening = true;
            followerIndex.onChange(this::followersChanged);
        }
    }

    /** One room's audience; guarded by the lock of its {@link FollowersOutside}. */
    private final class Audience {

        /** The room's followers as last read. */
        Set<String> followers = Set.of();
        /** False until read, and after a follow of the room changed: read again when next asked. */
        boolean current;
        /** Sessions outside the room whose quiet period is over (or never began) -> their users. */
        private final Map<String, String> due = new LinkedHashMap<>();
        /**
         * Sessions told, in the order told, which is the order their quiet periods end (one length for all), in
         * the room or not. Those in the room stay until their period ends, so that a join and part does not
         * start it again.
         */
        private final Map<String, Told> told = new LinkedHashMap<>();

        Map<String, String> takeDue(Instant now, Instant quietUntil) {
            for (Iterator<Map.Entry<String, Told>> it = told.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Told> first = it.next();
                looked++;
                if (first.getValue().until.isAfter(now)) {
                    break;
                }
                it.remove();
                if (first.getValue().outside) {
                    due.put(first.getKey(), first.getValue().user);
                }
            }
            if (due.isEmpty()) {
                return Map.of();
            }
            Map<String, String> taken = new LinkedHashMap<>(due);
            due.clear();
            taken.forEach((session, user) -> {
                looked++;
                told.put(session, new Told(user, quietUntil));
            });
            return taken;
        }

        /** The session is outside the room: due, unless told and its quiet period is still running. */
        void outside(String session, String user) {
            Told quiet = told.get(session);
            if (quiet != null) {
                quiet.outside = true;
            } else {
                due.put(session, user);
            }
        }

        void inside(String session) {
            due.remove(session);
            Told quiet = told.get(session);
            if (quiet != null) {
                quiet.outside = false;
            }
        }

        /** Before a read of the followers: nobody is outside until the read says so. */
        void allInside() {
            due.clear();
            told.values().forEach(quiet -> quiet.outside = false);
        }

        void forget(String session) {
            due.remove(session);
            told.remove(session);
        }

        Map<String, String> sessions() {
            Map<String, String> sessions = new HashMap<>(due);
            told.forEach((session, quiet) -> {
                if (quiet.outside) {
                    sessions.put(session, quiet.user);
                }
            });
            return Map.copyOf(sessions);
        }
    }

    /** A session told about the room: not told again before {@code until}. */
    private static final class Told {
        final String user;
        final Instant until;
        /** Whether the session is outside the room, and so due once {@code until} has passed. */
        boolean outside = true;

        Told(String user, Instant until) {
            this.user = user;
            this.until = until;
        }
    }
}
