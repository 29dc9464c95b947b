package org.parley.compliance.infrastructure.health;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.chat.infrastructure.health.ChatStoreCheck;
import org.parley.compliance.application.ComplianceMonitor;
import org.parley.compliance.application.ComplianceSettings;
import org.parley.health.ParleyChecks;

/**
 * Readiness probe ({@link ParleyChecks#COMPLIANCE}, registered by {@link ComplianceMonitor}): the compliance store
 * answers, and compliance keeps up. A node whose compliance backlog (outbox and archive) or oldest waiting event is
 * past its limit (parley.compliance.health.*) is not ready: compliance officers expect every event recorded, and a
 * node that takes chat while recording falls further behind only makes it worse. The stores are shared, so in a
 * pool every node goes not ready together; that is the point: chat waits for compliance. With compliance off, only
 * the store is checked.
 */
@ApplicationScoped
public class ComplianceCheck implements HealthCheck {

    @EJB
    ComplianceMonitor monitor;

    @Resource(lookup = "java:jboss/datasources/ParleyComplianceDS")
    DataSource complianceStore;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(ParleyChecks.COMPLIANCE);
        String store = ChatStoreCheck.probe(complianceStore, 2);
        response.withData("compliance-store", store);
        if (!"reachable".equals(store)) {
            return response.down().build();
        }
        ComplianceSettings settings = ComplianceSettings.fromSystemProperties();
        if (!settings.enabled()) {
            return response.up().withData("compliance", "off").build();
        }
        ComplianceMonitor.Sample sample = monitor.current();
        Duration lag = sample.lag(Instant.now());
        response.withData("waiting-events", sample.waiting())
                .withData("oldest-waiting-seconds", lag.toSeconds())
                .withData("max-backlog", settings.healthMaxBacklog())
                .withData("max-lag-seconds", settings.healthMaxLag().toSeconds())
                .withData("sampled-at", sample.at().toString());
        if (sample.failure() != null) {
            return response.down().withData("failure", sample.failure()).build();
        }
        boolean backlogOk = settings.healthMaxBacklog() <= 0 || sample.waiting() <= settings.healthMaxBacklog();
        boolean lagOk = settings.healthMaxLag().isZero() || lag.compareTo(settings.healthMaxLag()) <= 0;
        return response.status(backlogOk && lagOk).build();
    }
}
