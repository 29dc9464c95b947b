package org.parley.chat.infrastructure.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.application.presence.RoomPresence;

/**
 * {@link RoomPresence} in memory: this node's sessions in two concurrent indexes, by room and by session, so that
 * a vanished client is removed from all its rooms without scanning every room; and, in a pool, a copy of each
 * other node's participants by room, kept by {@link PoolPresence} from what those nodes tell.
 */
@ApplicationScoped
public class InMemoryRoomPresence implements RoomPresence {

    private final Map<String, Set<Participant>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsBySession = new ConcurrentHashMap<>();
    /** Node name to that node's participants by room (a pool's other nodes; empty on one node). */
    private final Map<String, Map<String, Set<Participant>>> elsewhere = new ConcurrentHashMap<>();

    @Override
    public boolean enter(String roomUri, Participant participant) {
        roomsBySession
                .computeIfAbsent(participant.sessionId(), k -> ConcurrentHashMap.newKeySet())
                .add(roomUri);
        return byRoom.computeIfAbsent(roomUri, k -> ConcurrentHashMap.newKeySet())
                .add(participant);
    }

    @Override
    public boolean leave(String roomUri, Participant participant) {
        Set<String> rooms = roomsBySession.get(participant.sessionId());
        if (rooms != null) {
            rooms.remove(roomUri);
            roomsBySession.computeIfPresent(participant.sessionId(), (k, v) -> v.isEmpty() ? null : v);
        }
        boolean[] removed = {false};
        byRoom.computeIfPresent(roomUri, (k, participants) -> {
            removed[0] = participants.remove(participant);
            return participants.isEmpty() ? null : participants;
        });
        return removed[0];
    }

    @Override
    public Set<Participant> participants(String roomUri) {
        if (elsewhere.isEmpty()) {
            return participantsHere(roomUri);
        }
        Set<Participant> all = new HashSet<>(participantsHere(roomUri));
        for (Map<String, Set<Participant>> node : elsewhere.values()) {
            Set<Participant> there = node.get(roomUri);
            if (there != null) {
                all.addAll(there);
            }
        }
        return all;
    }

    @Override
    public Set<Participant> participantsHere(String roomUri) {
        return snapshot(byRoom, roomUri);
    }

    @Override
    public boolean isPresent(String roomUri, String sessionId) {
        Set<String> rooms = roomsBySession.get(sessionId);
        if (rooms != null && rooms.contains(roomUri)) {
            return true;
        }
        for (Map<String, Set<Participant>> node : elsewhere.values()) {
            Set<Participant> there = node.get(roomUri);
            if (there != null && there.stream().anyMatch(p -> p.sessionId().equals(sessionId))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> roomsOf(String sessionId) {
        return snapshot(roomsBySession, sessionId);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(byRoom.keySet());
    }

    @Override
    public Set<String> leaveAll(String sessionId) {
        Set<String> rooms = roomsBySession.remove(sessionId);
        if (rooms == null) {
            return Set.of();
        }
        Set<String> left = new HashSet<>();
        for (String roomUri : rooms) {
            byRoom.computeIfPresent(roomUri, (k, participants) -> {
                if (participants.removeIf(p -> p.sessionId().equals(sessionId))) {
                    left.add(roomUri);
                }
                return participants.isEmpty() ? null : participants;
            });
        }
        return left;
    }

    @Override
    public int count(String roomUri) {
        Set<Participant> participants = byRoom.get(roomUri);
        int count = participants == null ? 0 : participants.size();
        for (Map<String, Set<Participant>> node : elsewhere.values()) {
            Set<Participant> there = node.get(roomUri);
            count += there == null ? 0 : there.size();
        }
        return count;
    }

    /** This node's participants by room: what it tells the other nodes of a pool. */
    public Map<String, Set<Participant>> here() {
        Map<String, Set<Participant>> here = new HashMap<>();
        byRoom.forEach((room, participants) -> {
            Set<Participant> copy = Set.copyOf(participants);
            if (!copy.isEmpty()) {
                here.put(room, copy);
            }
        });
        return here;
    }

    /** Another node says its session entered. @return false when it was known to be in the room */
    public boolean enteredAt(String node, String roomUri, Participant participant) {
        return elsewhere
                .computeIfAbsent(node, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(roomUri, k -> ConcurrentHashMap.newKeySet())
                .add(participant);
    }

    /** Another node says its session left. @return false when it was not known to be in the room */
    public boolean leftAt(String node, String roomUri, Participant participant) {
        Map<String, Set<Participant>> rooms = elsewhere.get(node);
        if (rooms == null) {
            return false;
        }
        boolean[] removed = {false};
        rooms.computeIfPresent(roomUri, (k, participants) -> {
            removed[0] = participants.remove(participant);
            return participants.isEmpty() ? null : participants;
        });
        return removed[0];
    }

    /**
     * What another node has, replacing what this node knew of it (its whole state, told when asked).
     * @return the participants known before who are not in it any more, by room
     */
    public Map<String, Set<Participant>> replaceAt(String node, Map<String, Set<Participant>> rooms) {
        Map<String, Set<Participant>> copy = new ConcurrentHashMap<>();
        rooms.forEach((room, participants) -> {
            if (!participants.isEmpty()) {
                Set<Participant> set = ConcurrentHashMap.newKeySet();
                set.addAll(participants);
                copy.put(room, set);
            }
        });
        Map<String, Set<Participant>> before = elsewhere.put(node, copy);
        Map<String, Set<Participant>> gone = new HashMap<>();
        if (before != null) {
            before.forEach((room, participants) -> {
                Set<Participant> now = copy.getOrDefault(room, Set.of());
                for (Participant participant : participants) {
                    if (!now.contains(participant)) {
                        gone.computeIfAbsent(room, k -> new HashSet<>()).add(participant);
                    }
                }
            });
        }
        return gone;
    }

    /** Forgets another node (it died, or restarted). @return its participants, by room */
    public Map<String, Set<Participant>> forget(String node) {
        Map<String, Set<Participant>> gone = elsewhere.remove(node);
        return gone == null ? Map.of() : gone;
    }

    /** What this node knows of another node's participants, by room (a copy). */
    public Map<String, Set<Participant>> at(String node) {
        Map<String, Set<Participant>> rooms = elsewhere.getOrDefault(node, Map.of());
        Map<String, Set<Participant>> copy = new HashMap<>();
        rooms.forEach((room, participants) -> copy.put(room, Set.copyOf(participants)));
        return copy;
    }

    /** The other nodes this node knows participants of. */
    public Set<String> nodesElsewhere() {
        return Set.copyOf(elsewhere.keySet());
    }

    /** What {@code index} holds under {@code key} now, none if nothing: a copy, as the live set changes under it. */
    private static <T> Set<T> snapshot(Map<String, Set<T>> index, String key) {
        Set<T> held = index.get(key);
        return held == null ? Set.of() : Set.copyOf(held);
    }
}
