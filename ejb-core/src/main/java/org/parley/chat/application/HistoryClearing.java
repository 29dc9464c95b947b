package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.message.HistoryChange;
import org.parley.chat.domain.model.message.HistoryChangeRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;

/**
 * What every clearing of a room's history before a date does once its messages are gone, whoever cleared them (an
 * administrator, {@link HistoryService#clearBefore}, or retention, {@link RetentionBatches}): the files uploaded
 * before the date go too (their announcements were among the messages; their bytes go with the file store's next
 * clean-up), and the clearing is recorded, as a CLEARED_BEFORE history change and a HISTORY_CLEARED compliance record.
 */
@ApplicationScoped
public class HistoryClearing {

    @Inject
    FileRecordRepository files;

    @Inject
    HistoryChangeRepository changes;

    @Inject
    ComplianceRecorder compliance;

    @Inject
    Clock clock;

    public HistoryClearing() {}

    HistoryClearing(
            FileRecordRepository files, HistoryChangeRepository changes, ComplianceRecorder compliance, Clock clock) {
        this.files = files;
        this.changes = changes;
        this.compliance = compliance;
        this.clock = clock;
    }

    /**
     * @param deleted     how many messages the clearing deleted
     * @param moreDetails what the compliance record says besides {@code before}, {@code deleted} and
     *                    {@code filesRemoved}
     */
    HistoryChange cleared(Actor actor, Room room, Instant before, long deleted, Map<String, String> moreDetails) {
        int filesRemoved = files.removeUploadedBefore(room, before);
        Map<String, String> details = new HashMap<>(moreDetails);
        details.putAll(Map.of(
                "before",
                before.toString(),
                "deleted",
                Long.toString(deleted),
                "filesRemoved",
                Integer.toString(filesRemoved)));
        compliance.record(ComplianceEventType.HISTORY_CLEARED, room, actor.uri().value(), clock.instant(), details);
        HistoryChange change = HistoryChange.clearedBefore(room, actor, before, deleted, clock.instant());
        changes.add(change);
        return change;
    }
}
