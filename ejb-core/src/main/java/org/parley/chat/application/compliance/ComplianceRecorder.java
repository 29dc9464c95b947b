package org.parley.chat.application.compliance;

/**
 * Where the chat services hand their compliance events. Called inside the action's transaction:
 * an implementation must take part in it, so that an action that rolls back leaves no event.
 */
public interface ComplianceRecorder {

    void record(ComplianceEvent event);
}
