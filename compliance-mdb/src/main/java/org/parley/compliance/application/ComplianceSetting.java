package org.parley.compliance.application;

import java.util.Properties;

import org.parley.chat.application.Setting;

/**
 * Every setting ({@link Setting}) the compliance service reads, with its system property and its default, in one place:
 * {@link ComplianceSettings} reads them from here and nowhere else. wildfly-config's
 * {@code configure-system-properties.cli} sets each from its environment variable with the same default
 * ({@code ComplianceSettingTest} checks that it does).
 * <p>
 * The switch, {@code parley.compliance.enabled}, is not here: the chat service owns it (ChatSetting's
 * COMPLIANCE_ENABLED, which decides whether anything is recorded at all) and {@link ComplianceSettings} reads it
 * there, so both services read it in one place. So is the compliance file store's directory, used by the chat
 * service's file copy only.
 */
public enum ComplianceSetting implements Setting {
    ADAPTERS("parley.compliance.adapters", "xml"),
    /** 15 minutes, as in the original product. */
    INTERVAL_SECONDS("parley.compliance.interval-seconds", "900"),
    BATCH_SIZE("parley.compliance.batch-size", "1000"),
    MAX_BATCHES_PER_RUN("parley.compliance.max-batches-per-run", "100"),
    /** Below the server's data directory, as the CLI script says it. */
    OUTPUT_DIR("parley.compliance.output-dir", ComplianceSetting.DATA_DIR + "/parley/compliance"),
    HEALTH_MAX_BACKLOG("parley.compliance.health.max-backlog", "1000000"),
    HEALTH_MAX_LAG_SECONDS("parley.compliance.health.max-lag-seconds", "3600");

    /** WildFly's own property, written in a default as the CLI script writes it; outside a server, ".". */
    static final String DATA_DIR = "${jboss.server.data.dir}";

    private final String property;
    private final String fallback;

    ComplianceSetting(String property, String fallback) {
        this.property = property;
        this.fallback = fallback;
    }

    @Override
    public String property() {
        return property;
    }

    /** What applies when the property is not set, with the server's data directory as {@value #DATA_DIR}. */
    @Override
    public String fallback() {
        return fallback;
    }

    /** The default with the server's data directory resolved among {@code properties} ("." outside a server). */
    @Override
    public String fallbackIn(Properties properties) {
        return fallback.replace(DATA_DIR, properties.getProperty("jboss.server.data.dir", "."));
    }
}
