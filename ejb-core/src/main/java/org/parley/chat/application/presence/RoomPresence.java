package org.parley.chat.application.presence;

import java.util.Set;

/**
 * Who is online in which room. A node changes only its own sessions' presence ({@link #enter}, {@link #leave},
 * {@link #leaveAll}); in a pool it also holds what the other nodes told it of theirs ({@link PoolPresence}), so
 * that participant lists, counts and "is this user still in the room" are the pool's, while delivery goes to the
 * sessions this node serves ({@link #participantsHere}). Nothing else keeps this state.
 */
public interface RoomPresence {

    /** A session of this node enters. @return false when the participant was already in the room */
    boolean enter(String roomUri, Participant participant);

    /** A session of this node leaves. @return false when the participant was not in the room */
    boolean leave(String roomUri, Participant participant);

    /** Everyone online in the room, on every node of the pool, in no particular order. */
    Set<Participant> participants(String roomUri);

    /** The participants whose client sessions this node serves: those it delivers the room to. */
    Set<Participant> participantsHere(String roomUri);

    /** Whether the session (of any node) is in the room. */
    boolean isPresent(String roomUri, String sessionId);

    /** The rooms a session of this node is in. */
    Set<String> roomsOf(String sessionId);

    /** Every room someone of this node is online in. */
    Set<String> rooms();

    /** Removes a session of this node from every room it was in (its client went away). @return those rooms */
    Set<String> leaveAll(String sessionId);

    /** How many participants are online in the room, on every node of the pool. */
    int count(String roomUri);
}
