package org.parley.compliance.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.parley.compliance.domain.ArchivePosition;

/**
 * One run of the compliance service: each adapter gets, batch by batch, every event after its own
 * progress; an event leaves the archive only when every configured adapter has taken it. A failing
 * adapter keeps its place (its batch is offered again next run, whole) and does not hold up the
 * others; nothing is sent twice to an adapter that took it, because progress is committed right
 * after each successful delivery.
 *
 * <p>A run first places the events stored since the last run in the delivery order (a new delivery
 * round, {@link ComplianceArchive#order}); progress and deletion are positions in that order, never
 * bare ids, because ids do not follow commit order (see {@link ArchivePosition}).
 */
public final class BatchDelivery {

    private static final Logger LOG = Logger.getLogger(BatchDelivery.class.getName());

    /**
     * What a run did, for the administrator API, the logs and the metrics.
     *
     * @param deliveredTo events each adapter acknowledged, by adapter name
     */
    public record Outcome(int delivered, int failures, int deleted, Map<String, Integer> deliveredTo) {}

    private final ComplianceArchive archive;
    private final int batchSize;
    private final int maxBatchesPerAdapter;

    public BatchDelivery(ComplianceArchive archive, int batchSize, int maxBatchesPerAdapter) {
        if (batchSize < 1 || maxBatchesPerAdapter < 1) {
            throw new IllegalArgumentException("batch size and batches per run must be positive");
        }
        this.archive = archive;
        this.batchSize = batchSize;
        this.maxBatchesPerAdapter = maxBatchesPerAdapter;
    }

    public Outcome run(List<ComplianceAdapter> adapters) {
        int delivered = 0;
        int failures = 0;
        Map<String, Integer> deliveredTo = new LinkedHashMap<>();
        if (!adapters.isEmpty()) {
            // No more than a run can deliver to an adapter: what is left gets the next run's round.
            archive.order((int) Math.min((long) batchSize * maxBatchesPerAdapter, Integer.MAX_VALUE));
        }
        for (ComplianceAdapter adapter : adapters) {
            ArchivePosition progress = archive.progressOf(adapter.name());
            for (int batches = 0; batches < maxBatchesPerAdapter; batches++) {
                List<ArchivedRecord> events = archive.next(progress, batchSize);
                if (events.isEmpty()) {
                    break;
                }
                ComplianceBatch batch = new ComplianceBatch(events);
                try {
                    adapter.deliver(batch);
                } catch (Exception e) {
                    failures++;
                    LOG.log(
                            Level.WARNING,
                            "compliance adapter " + adapter.name() + " failed on events " + batch.firstId() + ".."
                                    + batch.lastId() + "; they stay archived and are offered again next run",
                            e);
                    archive.failed(adapter.name(), e.toString());
                    break;
                }
                archive.delivered(adapter.name(), batch.last(), events.size());
                progress = batch.last();
                delivered += events.size();
                deliveredTo.merge(adapter.name(), events.size(), Integer::sum);
            }
        }
        int deleted = 0;
        if (!adapters.isEmpty()) {
            ArchivePosition everywhere = adapters.stream()
                    .map(adapter -> archive.progressOf(adapter.name()))
                    .min(ArchivePosition::compareTo)
                    .orElse(ArchivePosition.START);
            if (everywhere.isAfter(ArchivePosition.START)) {
                deleted = archive.deleteUpTo(everywhere);
            }
        }
        return new Outcome(delivered, failures, deleted, deliveredTo);
    }
}
