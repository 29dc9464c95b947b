package org.parley.compliance.application;

import java.util.List;

/** Consecutive archived events, in archive order, handed to an adapter in one go. */
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
}
