package org.parley.chat.application.presence;

import java.util.Set;

/**
 * Who is online in which room. The single-node implementation keeps it in memory; a pool of nodes
 * replaces it with a shared one (a table, or a replicated cache) without touching its callers,
 * which is why nothing else keeps this state.
 */
public interface RoomPresence {

    /** @return false when the participant was already in the room */
    boolean enter(String roomUri, Participant participant);

    /** @return false when the participant was not in the room */
    boolean leave(String roomUri, Participant participant);

    /** Everyone online in the room, in no particular order. */
    Set<Participant> participants(String roomUri);

    boolean isPresent(String roomUri, String sessionId);

    /** The rooms the session is in. */
    Set<String> roomsOf(String sessionId);

    /** Every room someone is online in. */
    Set<String> rooms();

    /** Removes a session from every room it was in (its client went away). @return those rooms */
    Set<String> leaveAll(String sessionId);

    /** How many participants are online in the room. */
    int count(String roomUri);
}
