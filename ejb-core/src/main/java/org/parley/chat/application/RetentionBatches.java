package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.application.dto.RetentionView;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.message.HistoryChangeRepository;
import org.parley.chat.domain.model.message.MessageRepository;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.Actor;

/**
 * The transactions of a retention run ({@link RetentionService}), each its own: a batch of deletions is short, so the
 * rooms' posts (which lock the room's row, not its old messages) never wait long behind one, and what a run has
 * cleared stays cleared if a later batch fails.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

    @Inject
    RoomRepository rooms;

    @Inject
    MessageRepository messages;

    @Inject
    HistoryClearing clearing;

    public RetentionBatches() {}

    RetentionBatches(
            RoomRepository rooms,
            MessageRepository messages,
            FileRecordRepository files,
            HistoryChangeRepository changes,
            ComplianceRecorder compliance,
            Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.clearing = new HistoryClearing(files, changes, compliance, clock);
    }

    /** The rooms that keep history for a limited time, with the cut-off of each at {@code now}. */
    public List<RetentionView> roomsWithRetention(Instant now) {
        return rooms.withRetention().stream()
                .map(room -> RetentionView.of(room, now, 0))
                .toList();
    }

    /** @return how many of the room's messages older than the cut-off went, at most {@code limit}; 0 once none are left */
    public int clearBatch(String roomUri, Instant cutoff, int limit) {
        return rooms.find(RoomUri.parse(roomUri))
                .map(room -> messages.removeBefore(room, cutoff, limit))
                .orElse(0);
    }

    /** Records a room's clearing as an administrator's clear is recorded ({@link HistoryClearing}), by retention. */
    public void recordClearing(Actor actor, String roomUri, Instant cutoff, long deleted, int days) {
        rooms.find(RoomUri.parse(roomUri))
                .ifPresent(room -> clearing.cleared(
                        actor,
                        room,
                        cutoff,
                        deleted,
                        Map.of("reason", "retention", "retentionDays", Integer.toString(days))));
    }
}
