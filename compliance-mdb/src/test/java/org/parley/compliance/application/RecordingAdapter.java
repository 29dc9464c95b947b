package org.parley.compliance.application;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.parley.chat.application.compliance.ComplianceEvent;

/** An adapter that records what it took, in order, and fails as many deliveries as it is told to. */
public final class RecordingAdapter implements ComplianceAdapter {

    private final String name;
    private final List<ArchivedRecord> taken = new ArrayList<>();
    private int failing;

    public RecordingAdapter(String name) {
        this.name = name;
    }

    /** Its next {@code deliveries} deliveries fail, as while its archive is unreachable. */
    public RecordingAdapter failing(int deliveries) {
        failing = deliveries;
        return this;
    }

    /** The store ids of the events it took. */
    public List<Long> ids() {
        return taken.stream().map(ArchivedRecord::id).toList();
    }

    /** The texts of the events it took. */
    public List<String> texts() {
        return taken.stream()
                .map(ArchivedRecord::event)
                .map(ComplianceEvent::text)
                .toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(ComplianceBatch batch) throws Exception {
        if (failing > 0) {
            failing--;
            throw new IOException("archive unreachable");
        }
        taken.addAll(batch.events());
    }
}
