package org.parley.chat.application.presence;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link RoomPresence} for one node: two concurrent indexes, by room and by session, so that a
 * vanished client is removed from all its rooms without scanning every room.
 */
@ApplicationScoped
public class InMemoryRoomPresence implements RoomPresence {

    private final Map<String, Set<Participant>> byRoom = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsBySession = new ConcurrentHashMap<>();

    @Override
    public boolean enter(String roomUri, Participant participant) {
        roomsBySession.computeIfAbsent(participant.sessionId(), k -> ConcurrentHashMap.newKeySet()).add(roomUri);
        return byRoom.computeIfAbsent(roomUri, k -> ConcurrentHashMap.newKeySet()).add(participant);
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
        Set<Participant> participants = byRoom.get(roomUri);
        return participants == null ? Set.of() : Set.copyOf(participants);
    }

    @Override
    public boolean isPresent(String roomUri, String sessionId) {
        Set<String> rooms = roomsBySession.get(sessionId);
        return rooms != null && rooms.contains(roomUri);
    }

    @Override
    public Set<String> roomsOf(String sessionId) {
        Set<String> rooms = roomsBySession.get(sessionId);
        return rooms == null ? Set.of() : Set.copyOf(rooms);
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
        return participants == null ? 0 : participants.size();
    }
}
