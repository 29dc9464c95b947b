package org.parley.chat.application.presence;

/**
 * Told when the participants of another node of a pool enter or leave a room (or are gone with their node), once
 * this node's {@link RoomPresence} has it: the fan-out tells the room's participants here.
 */
public interface PresenceWatcher {

    void enteredElsewhere(String roomUri, Participant participant, boolean manager);

    void leftElsewhere(String roomUri, Participant participant);
}
