package org.parley.chat.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.parley.chat.application.presence.Participant;
import org.parley.chat.application.presence.PresenceRelay;
import org.parley.chat.application.presence.PresenceWatcher;

/**
 * What a node's presence tells, one line each: the other nodes, as the {@link PresenceRelay} ("entered room session
 * manager", "left room session", "hello", "described rooms"), or the fan-out, as the {@link PresenceWatcher} (the
 * same entered and left lines).
 */
public final class RecordedPresence implements PresenceRelay, PresenceWatcher {

    public final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void entered(String roomUri, Participant participant, boolean manager) {
        lines.add("entered " + roomUri + " " + participant.sessionId() + " " + manager);
    }

    @Override
    public void enteredElsewhere(String roomUri, Participant participant, boolean manager) {
        entered(roomUri, participant, manager);
    }

    @Override
    public void left(String roomUri, Participant participant) {
        lines.add("left " + roomUri + " " + participant.sessionId());
    }

    @Override
    public void leftElsewhere(String roomUri, Participant participant) {
        left(roomUri, participant);
    }

    @Override
    public void hello() {
        lines.add("hello");
    }

    @Override
    public void describe(Map<String, Set<Participant>> rooms) {
        lines.add("described " + rooms);
    }
}
