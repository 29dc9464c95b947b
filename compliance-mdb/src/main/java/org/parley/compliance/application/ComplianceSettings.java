package org.parley.compliance.application;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.parley.chat.application.ChatSetting;

/**
 * The compliance service's configuration (system properties of configure-system-properties.cli), read from
 * {@link ComplianceSetting} and, for the switch, the chat service's ChatSetting.
 *
 * @param healthMaxBacklog events waiting (outbox and archive) beyond which the node is not ready (0: no limit)
 * @param healthMaxLag     age of the oldest event not yet delivered everywhere beyond which the node is not ready
 *                         (zero: no limit); more than one {@code interval} is normal, events wait for the next run
 */
public record ComplianceSettings(
        boolean enabled,
        List<String> adapters,
        Duration interval,
        int batchSize,
        int maxBatchesPerRun,
        Path outputDirectory,
        long healthMaxBacklog,
        Duration healthMaxLag) {

    /**
     * Read anew at each call, as the callers want it: a run picks up an adapter added to the system property
     * without a redeploy.
     */
    public static ComplianceSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    static ComplianceSettings from(Properties properties) {
        return new ComplianceSettings(
                Boolean.parseBoolean(ChatSetting.COMPLIANCE_ENABLED.in(properties)),
                Arrays.stream(ComplianceSetting.ADAPTERS.in(properties).split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .toList(),
                Duration.ofSeconds(Long.parseLong(ComplianceSetting.INTERVAL_SECONDS.in(properties))),
                Integer.parseInt(ComplianceSetting.BATCH_SIZE.in(properties)),
                Integer.parseInt(ComplianceSetting.MAX_BATCHES_PER_RUN.in(properties)),
                Path.of(ComplianceSetting.OUTPUT_DIR.in(properties)),
                Long.parseLong(ComplianceSetting.HEALTH_MAX_BACKLOG.in(properties)),
                Duration.ofSeconds(Long.parseLong(ComplianceSetting.HEALTH_MAX_LAG_SECONDS.in(properties))));
    }
}
