package org.parley.compliance.application;

import java.util.List;

import org.parley.compliance.domain.ArchivePosition;

/**
 * Consecutive archived events, in delivery order, handed to an adapter in one go. Their ids need not
 * rise: an event that committed late comes in a later round than higher ids did.
 */
public record ComplianceBatch(List<ArchivedRecord> events) {

    public ComplianceBatch {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
        events = List.copyOf(events);
    }

    public long firstId() {
        return events.get(0).id();
    }

    public long lastId() {
        return events.get(events.size() - 1).id();
    }

    /** Where an adapter stands once it has taken this batch. */
    public ArchivePosition last() {
        return events.get(events.size() - 1).position();
    }
}
