package org.parley.compliance.application;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The compliance service's configuration (system properties of configure-system-properties.cli). */
public record ComplianceSettings(boolean enabled, List<String> adapters, Duration interval, int batchSize,
                                 int maxBatchesPerRun, Path outputDirectory) {

    public static ComplianceSettings fromSystemProperties() {
        String dataDir = System.getProperty("jboss.server.data.dir", ".");
        return new ComplianceSettings(
                Boolean.parseBoolean(System.getProperty("parley.compliance.enabled", "false")),
                Arrays.stream(System.getProperty("parley.compliance.adapters", "xml").split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).toList(),
                Duration.ofSeconds(Long.parseLong(System.getProperty("parley.compliance.interval-seconds", "900").trim())),
                Integer.parseInt(System.getProperty("parley.compliance.batch-size", "1000").trim()),
                Integer.parseInt(System.getProperty("parley.compliance.max-batches-per-run", "100").trim()),
                Path.of(System.getProperty("parley.compliance.output-dir", dataDir + "/parley/compliance")));
    }
}
