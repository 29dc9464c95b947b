package org.parley.compliance.application;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The compliance service's configuration (system properties of configure-system-properties.cli).
 *
 * @param healthMaxBacklog events waiting (outbox and archive) beyond which the node is not ready (0: no limit)
 * @param healthMaxLag     age of the oldest event not yet delivered everywhere beyond which the node is not ready
 *                         (zero: no limit); more than one {@code interval} is normal, events wait for the next run
 */
public record ComplianceSettings(boolean enabled, List<String> adapters, Duration interval, int batchSize,
                                 int maxBatchesPerRun, Path outputDirectory, long healthMaxBacklog,
                                 Duration healthMaxLag) {

    public static ComplianceSettings fromSystemProperties() {
        String dataDir = System.getProperty("jboss.server.data.dir", ".");
        return new ComplianceSettings(
                Boolean.parseBoolean(System.getProperty("parley.compliance.enabled", "false")),
                Arrays.stream(System.getProperty("parley.compliance.adapters", "xml").split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).toList(),
                Duration.ofSeconds(Long.parseLong(System.getProperty("parley.compliance.interval-seconds", "900").trim())),
                Integer.parseInt(System.getProperty("parley.compliance.batch-size", "1000").trim()),
                Integer.parseInt(System.getProperty("parley.compliance.max-batches-per-run", "100").trim()),
                Path.of(System.getProperty("parley.compliance.output-dir", dataDir + "/parley/compliance")),
                Long.parseLong(System.getProperty("parley.compliance.health.max-backlog", "1000000").trim()),
                Duration.ofSeconds(Long.parseLong(System.getProperty("parley.compliance.health.max-lag-seconds",
                        "3600").trim())));
    }
}
