package org.parley.chat.application.compliance;

import java.time.Instant;
import java.util.Map;

import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.room.Room;

/**
 * Where the chat services hand their compliance events. Called inside the action's transaction:
 * an implementation must take part in it, so that an action that rolls back leaves no event.
 */
public interface ComplianceRecorder {

    void record(ComplianceEvent event);

    /** An event about a room, named as it is now. */
    default void record(
            ComplianceEventType type,
            Room room,
            String actorUri,
            Instant at,
            String text,
            Map<String, String> details) {
        record(ComplianceEvent.of(type, room.uri().toString(), room.name(), actorUri, at, text, details));
    }

    /** An event about a room that carries no text (all but posts and their rewrites), named as it is now. */
    default void record(ComplianceEventType type, Room room, String actorUri, Instant at, Map<String, String> details) {
        record(type, room, actorUri, at, null, details);
    }

    /**
     * A file posted to a room. Its bytes are already in the chat file store ({@code file.storageKey()});
     * an implementation that keeps its own copy does so here, before the action commits, and names the
     * copy in the event (detail {@value #COMPLIANCE_FILE}).
     */
    default void recordUpload(Room room, String actorUri, Instant at, FileDescription file) {
        record(ComplianceEventType.FILEUPLOAD, room, actorUri, at, null, uploadDetails(file));
    }

    /** Detail of a FILEUPLOAD event: the copy's name in the compliance file store. */
    String COMPLIANCE_FILE = "complianceFile";

    static Map<String, String> uploadDetails(FileDescription file) {
        return Map.of("file", file.fileName(), "size", Long.toString(file.sizeBytes()), "sha256", file.sha256());
    }
}
