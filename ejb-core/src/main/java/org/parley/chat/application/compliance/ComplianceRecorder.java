package org.parley.chat.application.compliance;

import java.time.Instant;
import java.util.Map;

import org.parley.chat.domain.model.room.Room;

/**
 * Where the chat services hand their compliance events. Called inside the action's transaction:
 * an implementation must take part in it, so that an action that rolls back leaves no event.
 */
public interface ComplianceRecorder {

    void record(ComplianceEvent event);

    /** An event about a room, named as it is now. */
    default void record(ComplianceEventType type, Room room, String actorUri, Instant at, String text,
                        Map<String, String> details) {
        record(ComplianceEvent.of(type, room.uri().toString(), room.name(), actorUri, at, text, details));
    }
}
