package org.parley.chat.application.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.PoolView;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.infrastructure.presence.InMemoryRoomPresence;

/**
 * Presence across the nodes of a pool: each node tells the others when its sessions enter and leave rooms (over
 * the road, {@link PresenceRelay}), and keeps what they tell in its {@link InMemoryRoomPresence}; so participant
 * lists, {@code ucnt} and join and part notices are the pool's, while each node delivers to its own sessions.
 *
 * <p>Nothing is shared but messages, and the pool's membership (the JGroups view) says who is alive:
 * <ul>
 * <li>a node that starts asks the others to describe their presence ({@link #helloFrom}), again until every
 * member of the view has ({@link #askUndescribed}: its listener may subscribe after its first question);</li>
 * <li>a node that leaves the view (dead, or cut off) is forgotten at once by every node, each telling its own
 * sessions that the node's users left; the coordinator records those leaves for compliance, once;</li>
 * <li>after a partition heals (a merged view) every node describes itself again, as the other side forgot it;</li>
 * <li>every message carries its node's incarnation (one per start), so a node that restarted under the same name
 * before the view noticed is still seen as new: what its previous life had is forgotten.</li>
 * </ul>
 * A node's own events reach the others in the order it had them (one sender, one listener session); the events
 * of several nodes touch different participants (a session lives on one node), so no order across nodes is
 * needed. A description received replaces what was known of that node without notices for who is added (they
 * were announced when they entered, or the node is new), with part notices for who is gone.
 *
 * <p>The rooms a dead node's users were in are kept for {@link #RESUME_WITHIN}: a user who comes back on this
 * node is put back in them ({@link #roomsToResume}), as clients such as pidgin-sipe connect to the chat service
 * again after their dialog died but do not join their rooms again by themselves.
 */
@ApplicationScoped
public class PoolPresence {

    private static final Logger LOG = Logger.getLogger(PoolPresence.class.getName());

    /** How long the rooms of a dead node's users wait for them to come back. */
    public static final Duration RESUME_WITHIN = Duration.ofMinutes(10);

    @Inject
    InMemoryRoomPresence presence;

    @Inject
    PresenceRelay relay;

    @Inject
    RoomService rooms;

    @Inject
    PoolSettings pool;

    private final List<PresenceWatcher> watchers = new CopyOnWriteArrayList<>();
    /** The incarnation last heard from each other node. */
    private final Map<String, String> incarnations = new ConcurrentHashMap<>();
    /** The other nodes whose description (of their current incarnation) this node has. */
    private final Set<String> described = ConcurrentHashMap.newKeySet();
    /** The names in the pool's last view (this node alone until one is told). */
    private volatile Set<String> members = Set.of();
    /** The rooms of users whose node died, until they come back or {@link #RESUME_WITHIN} is over. */
    private final Map<String, Orphaned> orphaned = new ConcurrentHashMap<>();

    private record Orphaned(Set<String> rooms, long until) {}

    public PoolPresence() {}

    /** For tests: a pool presence on these parts. */
    public PoolPresence(InMemoryRoomPresence presence, PresenceRelay relay, RoomService rooms, PoolSettings pool) {
        this.presence = presence;
        this.relay = relay;
        this.rooms = rooms;
        this.pool = pool;
    }

    /** Registers the fan-out; called once at start. */
    public void watch(PresenceWatcher watcher) {
        watchers.add(watcher);
    }

    /** A session of this node entered the room (it is in this node's presence): the other nodes are told. */
    public void entered(String roomUri, Participant participant, boolean manager) {
        relay.entered(roomUri, participant, manager);
    }

    /** A session of this node left the room: the other nodes are told. */
    public void left(String roomUri, Participant participant) {
        relay.left(roomUri, participant);
    }

    public synchronized void enteredAt(
            String node, String incarnation, String roomUri, Participant participant, boolean manager) {
        heardFrom(node, incarnation);
        if (presence.enteredAt(node, roomUri, participant)) {
            for (PresenceWatcher watcher : watchers) {
                watcher.enteredElsewhere(roomUri, participant, manager);
            }
        }
    }

    public synchronized void leftAt(String node, String incarnation, String roomUri, Participant participant) {
        heardFrom(node, incarnation);
        if (presence.leftAt(node, roomUri, participant)) {
            tellLeft(Map.of(roomUri, Set.of(participant)));
        }
    }

    /** Another node asks for this node's presence. */
    public void helloFrom(String node, String incarnation) {
        synchronized (this) {
            heardFrom(node, incarnation);
        }
        relay.describe(presence.here());
    }

    /** Another node's whole presence. */
    public synchronized void describedAt(String node, String incarnation, Map<String, Set<Participant>> itsRooms) {
        heardFrom(node, incarnation);
        tellLeft(presence.replaceAt(node, itsRooms));
        if (described.add(node)) {
            LOG.info(() -> "pool node " + node + " described its presence: "
                    + itsRooms.values().stream().mapToInt(Set::size).sum() + " participants in " + itsRooms.size()
                    + " rooms");
        }
    }

    /**
     * The pool's membership changed.
     *
     * @param members     the names of the nodes in the new view, this one included
     * @param coordinator whether this node coordinates the new view (it records the leaves of the nodes gone)
     * @param merged      the view merges partitions: the others may have forgotten this node
     */
    public void membershipChanged(Set<String> members, boolean coordinator, boolean merged) {
        synchronized (this) {
            Set<String> known = new HashSet<>(incarnations.keySet());
            known.addAll(presence.nodesElsewhere());
            for (String node : known) {
                if (!members.contains(node) && !node.equals(pool.nodeName())) {
                    gone(node, coordinator);
                }
            }
        }
        // Only now does the view (GET /admin/pool) lose the nodes gone: once it does, their users' rooms are kept
        // for them to come back to, and the others have been told they left.
        this.members = Set.copyOf(members);
        if (merged) {
            relay.describe(presence.here());
            relay.hello();
        }
    }

    /** The pool as this node knows it: its view's members and the participants each has told. */
    public PoolView view() {
        List<PoolView.Node> nodes = new ArrayList<>();
        nodes.add(node(pool.nodeName(), true, true, presence.here()));
        Set<String> others = new TreeSet<>(members);
        others.addAll(presence.nodesElsewhere());
        others.remove(pool.nodeName());
        for (String node : others) {
            nodes.add(node(node, members.contains(node), described.contains(node), presence.at(node)));
        }
        return new PoolView(pool.enabled(), pool.nodeName(), nodes);
    }

    private static PoolView.Node node(
            String name, boolean inView, boolean described, Map<String, Set<Participant>> rooms) {
        Set<String> sessions = new HashSet<>();
        int participants = 0;
        for (Set<Participant> inRoom : rooms.values()) {
            participants += inRoom.size();
            inRoom.forEach(participant -> sessions.add(participant.sessionId()));
        }
        return new PoolView.Node(name, inView, described, participants, sessions.size());
    }

    /** Asks again while a member of the view has not described itself (called periodically). */
    public void askUndescribed(Set<String> members) {
        for (String member : members) {
            if (!member.equals(pool.nodeName()) && !described.contains(member)) {
                relay.hello();
                return;
            }
        }
    }

    /** A node not seen before, or seen in another life: what its previous life had is gone. */
    private void heardFrom(String node, String incarnation) {
        String before = incarnations.put(node, incarnation);
        if (before != null && !before.equals(incarnation)) {
            LOG.info(() -> "pool node " + node + " restarted; its earlier sessions are gone");
            described.remove(node);
            tellLeft(presence.forget(node));
        }
    }

    private void gone(String node, boolean record) {
        incarnations.remove(node);
        described.remove(node);
        Map<String, Set<Participant>> left = presence.forget(node);
        LOG.info(() -> "pool node " + node + " left the pool; its "
                + left.values().stream().mapToInt(Set::size).sum() + " participants leave their rooms");
        // The rooms are kept first: a user of the dead node may sign in here again at any moment, before the others
        // are told and the leaving recorded (a transaction).
        keepRoomsOf(left);
        tellLeft(left);
        if (record) {
            recordLeaving(left);
        }
    }

    /** The rooms of a dead node's users, kept for {@link #RESUME_WITHIN} for them to come back to. */
    private void keepRoomsOf(Map<String, Set<Participant>> left) {
        long until = System.nanoTime() + RESUME_WITHIN.toNanos();
        orphaned.values().removeIf(o -> o.until() - System.nanoTime() < 0);
        Map<String, Set<String>> roomsByUser = roomsByUser(left, false);
        LOG.info(() -> "rooms kept for " + roomsByUser.keySet() + " to come back to");
        roomsByUser.forEach(
                (user, rooms) -> orphaned.merge(user, new Orphaned(Set.copyOf(rooms), until), (before, now) -> {
                    Set<String> all = new HashSet<>(before.rooms());
                    all.addAll(now.rooms());
                    return new Orphaned(Set.copyOf(all), until);
                }));
    }

    /**
     * The rooms a user was in on a node that died, if that was less than {@link #RESUME_WITHIN} ago; once: the
     * user's next chat session here takes them.
     */
    public Set<String> roomsToResume(String userUri) {
        Orphaned rooms = orphaned.remove(userUri);
        return rooms == null || rooms.until() - System.nanoTime() < 0 ? Set.of() : rooms.rooms();
    }

    private void tellLeft(Map<String, Set<Participant>> left) {
        left.forEach((room, participants) -> {
            for (Participant participant : participants) {
                for (PresenceWatcher watcher : watchers) {
                    watcher.leftElsewhere(room, participant);
                }
            }
        });
    }

    /**
     * The rooms of these participants, by user; with {@code leftOnly}, without the rooms a user is still in
     * through another client.
     */
    private Map<String, Set<String>> roomsByUser(Map<String, Set<Participant>> participantsByRoom, boolean leftOnly) {
        Map<String, Set<String>> roomsByUser = new HashMap<>();
        participantsByRoom.forEach((room, participants) -> {
            Set<String> staying = new HashSet<>();
            if (leftOnly) {
                presence.participants(room).forEach(participant -> staying.add(participant.userUri()));
            }
            for (Participant participant : participants) {
                if (!staying.contains(participant.userUri())) {
                    roomsByUser
                            .computeIfAbsent(participant.userUri(), k -> new HashSet<>())
                            .add(room);
                }
            }
        });
        return roomsByUser;
    }

    /** The compliance record of a dead node's users leaving, which that node cannot write any more. */
    private void recordLeaving(Map<String, Set<Participant>> left) {
        roomsByUser(left, true).forEach((user, userRooms) -> {
            try {
                rooms.leftAll(user, userRooms);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "no compliance record of " + user + " leaving " + userRooms + " with a node that died");
            }
        });
    }
}
