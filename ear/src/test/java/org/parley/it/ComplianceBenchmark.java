package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.compliance.ComplianceRecorder;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.BatchDelivery;
import org.parley.compliance.application.ComplianceDispatcher;
import org.parley.compliance.application.ComplianceSettings;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * The compliance pipeline's throughput, not a test: publishes {@code PARLEY_BENCH_COMPLIANCE_EVENTS}
 * (20 000) chat events the way the chat services do (the recorder, JMS in JTA transactions of
 * {@value #PER_TRANSACTION}, grouped by room), lets the MDB store them, then runs the compliance
 * service until both adapters (xml, jsonl) have them. Prints events/s for ingest (queue to store)
 * and delivery (store to adapter files), the heap, the size one batch takes in memory, and the
 * broker's journal and paging on disk. Run with the benchmark profile (README); it fails only if an
 * event is lost or doubled.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceBenchmark {

    private static final int PER_TRANSACTION = 100;
    private static final int ROOMS = 50;

    /** In the server's environment: the server inherits the environment of the Maven run that starts it. */
    private final int events =
            Integer.parseInt(System.getenv().getOrDefault("PARLEY_BENCH_COMPLIANCE_EVENTS", "20000"));

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ComplianceRuns compliance = new ComplianceRuns();

    @Inject
    private ComplianceRecorder recorder;

    @Resource
    private UserTransaction transaction;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ComplianceBenchmark.class, Eventually.class, ComplianceRuns.class);
    }

    @Test
    void measure() throws Exception {
        Duration bound = Duration.ofMinutes(15);
        ComplianceDispatcher dispatcher = compliance.dispatcher();
        JpaComplianceArchive archive = compliance.archive();
        // Start from an empty store, so that counts are this run's.
        compliance.runUntil(bound, () -> archive.backlog().events(), backlog -> backlog == 0);
        ComplianceSettings settings = ComplianceSettings.fromSystemProperties();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapAfterGc(memory);

        String text = "compliance bench " + run + " " + "x".repeat(80);
        Instant start = Instant.now();
        for (int sent = 0; sent < events; ) {
            transaction.begin();
            for (int i = 0; i < PER_TRANSACTION && sent < events; i++, sent++) {
                int room = sent % ROOMS;
                recorder.record(ComplianceEvent.of(
                        ComplianceEventType.CHAT,
                        "ma-chan://contoso.com/bench-" + run + "-" + room,
                        "Bench " + room,
                        "sip:bench" + (sent % 1000) + "@contoso.com",
                        Instant.now(),
                        text + " #" + sent,
                        Map.of("seq", Integer.toString(sent))));
            }
            transaction.commit();
        }
        Instant published = Instant.now();
        long journal = bytesUnder("activemq/journal");
        long paging = bytesUnder("activemq/paging");
        Eventually.await(bound, () -> archive.backlog().events(), stored -> stored >= events);
        Instant ingested = Instant.now();
        assertThat(archive.backlog().events()).as("each event stored once").isEqualTo(events);

        // What one batch costs: the bytes allocated while reading it (entities, JSON, the records) and
        // the text it holds (every string of every event, 1 byte a character plus a string's header),
        // a lower bound of what it keeps alive while an adapter writes it. (The heap's used size after a
        // GC, read around holding batches, proved too noisy on a shared server to tell a batch apart.)
        long heapIdle = heapAfterGc(memory);
        long allocatedBefore = allocatedByThisThread();
        List<ArchivedRecord> batch = archive.after(0, settings.batchSize());
        long allocatedPerBatch = allocatedByThisThread() - allocatedBefore;
        int batchSize = batch.size();
        long batchText =
                batch.stream().mapToLong(ComplianceBenchmark::textBytes).sum();

        Instant deliveryStart = Instant.now();
        long deliveries = 0;
        int runs = 0;
        while (archive.backlog().events() > 0
                && Duration.between(deliveryStart, Instant.now()).compareTo(bound) < 0) {
            BatchDelivery.Outcome outcome = dispatcher.runNow();
            assertThat(outcome.failures()).as("no adapter failed").isEqualTo(0);
            deliveries += outcome.delivered();
            runs++;
        }
        Instant delivered = Instant.now();
        assertThat(archive.backlog().events()).as("every event delivered").isEqualTo(0);
        long inJsonLines = linesOfRun("jsonl");
        assertThat(inJsonLines)
                .as("each event exactly once in the JSON Lines output")
                .isEqualTo(events);
        long heapPeak = heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();

        double publishSeconds = seconds(start, published);
        double ingestSeconds = seconds(start, ingested);
        double deliverySeconds = seconds(deliveryStart, delivered);
        System.out.printf(
                "%nPARLEY COMPLIANCE BENCHMARK: %d events, %d rooms, %d per transaction, batches of %d, adapters %s%n",
                events, ROOMS, PER_TRANSACTION, settings.batchSize(), settings.adapters());
        System.out.printf("  published (JMS, XA):   %.1f s, %.0f events/s%n", publishSeconds, events / publishSeconds);
        System.out.printf(
                "  ingest queue->store:   %.1f s from the first send, %.0f events/s%n",
                ingestSeconds, events / ingestSeconds);
        System.out.printf(
                "  delivery store->files: %.1f s in %d run(s), %.0f events/s (%.0f adapter deliveries/s)%n",
                deliverySeconds, runs, events / deliverySeconds, deliveries / deliverySeconds);
        System.out.printf(
                "  end to end:            %.1f s, %.0f events/s%n",
                seconds(start, delivered), events / seconds(start, delivered));
        System.out.printf(
                "  broker on disk after publishing: journal %d MiB, paging %d MiB%n", journal >> 20, paging >> 20);
        System.out.printf(
                "  heap after GC: %d MiB before, %d MiB with %d events stored; peak %d MiB%n",
                heapBefore >> 20, heapIdle >> 20, events, heapPeak >> 20);
        System.out.printf(
                "  one batch of %d events: %d KiB of text held (%d bytes/event), %d KiB allocated to read it%n%n",
                batchSize, batchText >> 10, batchSize == 0 ? 0 : batchText / batchSize, allocatedPerBatch >> 10);
    }

    private static long textBytes(ArchivedRecord record) {
        ComplianceEvent event = record.event();
        long bytes = 0;
        for (String text : new String[] {
            event.id(), event.type().name(), event.roomUri(), event.roomName(), event.actor(), event.text()
        }) {
            bytes += text == null ? 0 : 40 + text.length();
        }
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            bytes += 80 + detail.getKey().length() + detail.getValue().length();
        }
        return bytes;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    /**
     * Through the platform MBean server: a deployment cannot see com.sun.management, the attribute is
     * there all the same (the getter runs on the calling thread). -1 where the JVM has no such figure.
     */
    private static long allocatedByThisThread() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(
                            new javax.management.ObjectName("java.lang:type=Threading"), "CurrentThreadAllocatedBytes");
        } catch (javax.management.JMException | RuntimeException e) {
            return -1; // not this JVM's: the figure is printed as negative, the benchmark goes on
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long bytesUnder(String relative) {
        Path folder = Path.of(System.getProperty("jboss.server.data.dir"), relative);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long linesOfRun(String adapter) throws IOException {
        String marker = "compliance bench " + run + " ";
        long count = 0;
        for (Path file : ComplianceRuns.finished(ComplianceRuns.output(adapter))) {
            try (Stream<String> lines = Files.lines(file)) {
                count += lines.filter(line -> line.contains(marker)).count();
            }
        }
        return count;
    }
}
