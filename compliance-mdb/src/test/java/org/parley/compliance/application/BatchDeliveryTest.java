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

class BatchDeliveryTest {

    /** The compliance store in memory, with the same contract as the JPA one. */
    static final class MemoryArchive implements ComplianceArchive {
        final TreeMap<Long, ArchivedRecord> events = new TreeMap<>();
        final Map<String, Long> progress = new TreeMap<>();
        final Map<String, Integer> failures = new TreeMap<>();

        void add(int count) {
            long next = events.isEmpty() ? 1 : events.lastKey() + 1;
            for (int i = 0; i < count; i++) {
                long id = next + i;
                events.put(id, new ArchivedRecord(id, ComplianceEvent.of(ComplianceEventType.CHAT, "ma-chan://d/r",
                        "Room", "sip:a@d", Instant.EPOCH.plusSeconds(id), "post " + id, Map.of())));
            }
        }

        @Override
        public List<ArchivedRecord> after(long afterId, int limit) {
            return events.tailMap(afterId, false).values().stream().limit(limit).toList();
        }

        @Override
        public long progressOf(String adapter) {
            return progress.getOrDefault(adapter, 0L);
        }

        @Override
        public void delivered(String adapter, long upToEventId, int count) {
            progress.put(adapter, upToEventId);
        }

        @Override
        public void failed(String adapter, String error) {
            failures.merge(adapter, 1, Integer::sum);
        }

        @Override
        public int deleteUpTo(long eventId) {
            var done = events.headMap(eventId, true);
            int count = done.size();
            done.clear();
            return count;
        }
    }

    /** Records what it took; fails its first {@code failFirst} calls. */
    static final class RecordingAdapter implements ComplianceAdapter {
        final String name;
        int failFirst;
        final List<Long> taken = new ArrayList<>();

        RecordingAdapter(String name, int failFirst) {
            this.name = name;
            this.failFirst = failFirst;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(ComplianceBatch batch) throws Exception {
            if (failFirst > 0) {
                failFirst--;
                throw new java.io.IOException("archive unreachable");
            }
            batch.events().forEach(event -> taken.add(event.id()));
        }
    }

    @Test
    void anAdapterThatFailsTwiceGetsEveryEventExactlyOnceAndNothingIsDeletedBeforeAllHaveThem() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(25);
        RecordingAdapter steady = new RecordingAdapter("xml", 0);
        RecordingAdapter flaky = new RecordingAdapter("jsonl", 2);
        BatchDelivery delivery = new BatchDelivery(archive, 10, 100);

        BatchDelivery.Outcome first = delivery.run(List.of(steady, flaky));
        assertThat(first.failures()).isEqualTo(1);
        assertThat(steady.taken).hasSize(25);
        assertThat(flaky.taken).isEmpty();
        assertThat(first.deleted()).as("kept for the adapter that failed").isZero();
        assertThat(archive.events).hasSize(25);

        BatchDelivery.Outcome second = delivery.run(List.of(steady, flaky));
        assertThat(second.failures()).isEqualTo(1);
        assertThat(archive.failures).containsEntry("jsonl", 2);
        assertThat(archive.events).hasSize(25);

        archive.add(5);
        BatchDelivery.Outcome third = delivery.run(List.of(steady, flaky));
        assertThat(third.failures()).isZero();
        assertThat(steady.taken).as("the steady adapter is never sent the same event twice")
                .containsExactlyElementsOf(ids(1, 30));
        assertThat(flaky.taken).containsExactlyElementsOf(ids(1, 30));
        assertThat(third.deleted()).isEqualTo(30);
        assertThat(archive.events).isEmpty();
    }

    @Test
    void aRunIsBoundedAndTheNextOneCarriesOn() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(35);
        RecordingAdapter adapter = new RecordingAdapter("xml", 0);
        BatchDelivery delivery = new BatchDelivery(archive, 10, 2);
        assertThat(delivery.run(List.of(adapter)).delivered()).isEqualTo(20);
        assertThat(archive.events.firstKey()).isEqualTo(21);
        delivery.run(List.of(adapter));
        assertThat(adapter.taken).containsExactlyElementsOf(ids(1, 35));
        assertThat(archive.events).isEmpty();
    }

    @Test
    void withoutAdaptersNothingIsDeleted() {
        MemoryArchive archive = new MemoryArchive();
        archive.add(3);
        assertThat(new BatchDelivery(archive, 10, 10).run(List.of()).deleted()).isZero();
        assertThat(archive.events).hasSize(3);
    }

    private static List<Long> ids(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }
}
