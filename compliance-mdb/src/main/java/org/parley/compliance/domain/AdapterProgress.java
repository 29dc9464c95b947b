package org.parley.compliance.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far one compliance adapter has taken the archive: every event at or before {@link #position()} in
 * the delivery order (round {@link #lastRound()}, then id up to {@link #lastEventId()}) is delivered to
 * it, so a retry never sends it those again. Also its health, for administrators.
 */
@Entity
@Table(name = "compliance_adapter_progress")
public class AdapterProgress {

    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @Column(name = "adapter_name", length = 64)
    private String adapterName;

    @Column(name = "last_round", nullable = false)
    private long lastRound;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "delivered_events", nullable = false)
    private long deliveredEvents;

    @Column(name = "failures", nullable = false)
    private long failures;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    protected AdapterProgress() {}

    public AdapterProgress(String adapterName) {
        this.adapterName = adapterName;
    }

    public void delivered(ArchivePosition upTo, int count, Instant at) {
        if (position().isAfter(upTo)) {
            throw new IllegalArgumentException("progress only moves forward: " + upTo + " < " + position());
        }
        lastRound = upTo.round();
        lastEventId = upTo.id();
        deliveredEvents += count;
        lastRunAt = at;
        lastSuccessAt = at;
        lastError = null;
    }

    public void failed(String error, Instant at) {
        failures++;
        lastRunAt = at;
        lastError = error == null
                ? "unknown error"
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }

    public String adapterName() {
        return adapterName;
    }

    public ArchivePosition position() {
        return new ArchivePosition(lastRound, lastEventId);
    }

    public long lastRound() {
        return lastRound;
    }

    /** The id of the last event delivered to the adapter (not every lower id is: see ArchivePosition). */
    public long lastEventId() {
        return lastEventId;
    }

    public long deliveredEvents() {
        return deliveredEvents;
    }

    public long failures() {
        return failures;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public String lastError() {
        return lastError;
    }
}
