package org.parley.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.compliance.domain.ArchivePosition;

class BatchDeliveryTest {

    /** The compliance store in memory, with the same contract as the JPA one. */
    static final class MemoryArchive implements ComplianceArchive {
        /** Stored, without a delivery round yet, by id. */
        final TreeMap<Long, ComplianceEvent> unordered = new TreeMap<>();

        final TreeMap<ArchivePosition, ArchivedRecord> events = new TreeMap<>();
        final Map<String, ArchivePosition> progress = new TreeMap<>();
        final Map<String, Integer> failures = new TreeMap<>();
        long lastId;
        long lastRound;

        void add(int count) {
            for (int i = 0; i < count; i++) {
                long id = ++lastId;
                unordered.put(
                        id,
                        ComplianceEvent.of(
                                ComplianceEventType.CHAT,
                                "ma-chan://d/r",
                                "Room",
                                "sip:a@d",
                                Instant.EPOCH.plusSeconds(id),
                                "post " + id,
                                Map.of()));
            }
        }

        int size() {
            return unordered.size() + events.size();
        }

        @Override
        public int order(int limit) {
            long round = ++lastRound;
            int placed = 0;
            while (placed < limit && !unordered.isEmpty()) {
                var event = unordered.pollFirstEntry();
                ArchivedRecord record = new ArchivedRecord(event.getKey(), round, event.getValue());
                events.put(record.position(), record);
                placed++;
            }
            return placed;
        }

        @Override
        public List<ArchivedRecord> next(ArchivePosition position, int limit) {
            return events.tailMap(position, false).values().stream()
                    .limit(limit)
                    .toList();
        }

        @Override
        public ArchivePosition progressOf(String adapter) {
            return progress.getOrDefault(adapter, ArchivePosition.START);
        }

        @Override
        public void delivered(String adapter, ArchivePosition upTo, int count) {
            progress.put(adapter, upTo);
        }

        @Override
        public void failed(String adapter, String error) {
            failures.merge(adapter, 1, Integer::sum);
        }

        @Override
        public int deleteUpTo(ArchivePosition position) {
            var done = events.headMap(position, true);
            int count = done.size();
            done.clear();
            return count;
        }
    }

    @Test
    void anAdapterThatFailsTwiceGetsEveryEventExactlyOnceAndNothingIsDeletedBeforeAllHaveThem() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(25);
        RecordingAdapter steady = new RecordingAdapter("xml");
        RecordingAdapter flaky = new RecordingAdapter("jsonl").failing(2);
        BatchDelivery delivery = new BatchDelivery(archive, 10, 100);

        BatchDelivery.Outcome first = delivery.run(List.of(steady, flaky));
        assertThat(first.failures()).isEqualTo(1);
        assertThat(steady.ids()).hasSize(25);
        assertThat(flaky.ids()).isEmpty();
        assertThat(first.deleted()).as("kept for the adapter that failed").isZero();
        assertThat(archive.size()).isEqualTo(25);

        BatchDelivery.Outcome second = delivery.run(List.of(steady, flaky));
        assertThat(second.failures()).isEqualTo(1);
        assertThat(archive.failures).containsEntry("jsonl", 2);
        assertThat(archive.size()).isEqualTo(25);

        archive.add(5);
        BatchDelivery.Outcome third = delivery.run(List.of(steady, flaky));
        assertThat(third.failures()).isZero();
        assertThat(steady.ids())
                .as("the steady adapter is never sent the same event twice")
                .containsExactlyElementsOf(ids(1, 30));
        assertThat(flaky.ids()).containsExactlyElementsOf(ids(1, 30));
        assertThat(third.deleted()).isEqualTo(30);
        assertThat(archive.size()).isZero();
    }

    @Test
    void aRunIsBoundedAndTheNextOneCarriesOn() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(35);
        RecordingAdapter adapter = new RecordingAdapter("xml");
        BatchDelivery delivery = new BatchDelivery(archive, 10, 2);
        assertThat(delivery.run(List.of(adapter)).delivered()).isEqualTo(20);
        assertThat(archive.size()).isEqualTo(15);
        assertThat(archive.unordered.firstKey())
                .as("a run places no more than it can deliver")
                .isEqualTo(21);
        delivery.run(List.of(adapter));
        assertThat(adapter.ids()).containsExactlyElementsOf(ids(1, 35));
        assertThat(archive.size()).isZero();
    }

    @Test
    void withoutAdaptersNothingIsDeleted() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(3);
        assertThat(new BatchDelivery(archive, 10, 10).run(List.of()).deleted()).isZero();
        assertThat(archive.size()).isEqualTo(3);
    }

    private static List<Long> ids(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }
}
