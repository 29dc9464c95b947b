package org.parley.compliance.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Tags;

import org.parley.chat.application.compliance.ComplianceOutbox;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.compliance.infrastructure.JpaComplianceArchive;
import org.parley.compliance.infrastructure.health.ComplianceCheck;
import org.parley.health.HealthProbes;
import org.parley.health.ParleyChecks;

/**
 * How far behind compliance is, sampled on this node every {@value #EVERY_SECONDS} s (non-persistent timer: every
 * node samples the shared stores for its own metrics and readiness): the outbox not yet relayed to the compliance
 * queue, the archive not yet delivered to every adapter, and the age of its oldest event. The gauges and the
 * readiness check read the last sample, so neither Prometheus's scrape nor a load balancer's probe queries the
 * stores.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ComplianceMonitor {

    static final long EVERY_SECONDS = 15;

    private static final Logger LOG = Logger.getLogger(ComplianceMonitor.class.getName());

    /**
     * One sample. {@code failure} is why the stores could not be read (null when they could).
     *
     * @param oldest the oldest event not yet delivered everywhere, null when none waits
     */
    public record Sample(Instant at, long outbox, long archive, Instant oldest, String failure) {

        public long waiting() {
            return outbox + archive;
        }

        public Duration lag(Instant now) {
            return oldest == null
                    ? Duration.ZERO
                    : Duration.between(oldest, now).isNegative() ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    @EJB
    ComplianceOutbox outbox;

    @EJB
    JpaComplianceArchive archive;

    @Inject
    ParleyMeters meters;

    @Inject
    HealthProbes probes;

    @Inject
    ComplianceCheck check;

    private final Clock clock = Clock.systemUTC();
    private volatile Sample last;

    @PostConstruct
    void register() {
        probes.register(ParleyChecks.COMPLIANCE, check);
        // Every configured adapter has its series from the start (at 0), so rate() and alerts see it at once.
        ComplianceSettings.fromSystemProperties().adapters().forEach(adapter -> meters.complianceDelivered(adapter, 0));
        meters.gauge(
                "parley.compliance.outbox.events",
                "Compliance events not yet relayed to the compliance queue",
                Tags.empty(),
                () -> current().outbox());
        meters.gauge(
                "parley.compliance.backlog.events",
                "Compliance events archived and not yet delivered to every adapter",
                Tags.empty(),
                () -> current().archive());
        meters.gauge(
                "parley.compliance.lag.seconds",
                "Age of the oldest compliance event not yet delivered to every adapter",
                Tags.empty(),
                () -> current().lag(clock.instant()).toMillis() / 1000.0);
    }

    @PreDestroy
    void withdraw() {
        probes.withdraw(ParleyChecks.COMPLIANCE);
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (ComplianceSettings.fromSystemProperties().enabled()) {
            sample();
        }
    }

    /** Reads the stores now. */
    public Sample sample() {
        Instant now = clock.instant();
        Sample taken;
        try {
            JpaComplianceArchive.Backlog backlog = archive.backlog();
            taken = new Sample(now, outbox.backlog(), backlog.events(), backlog.oldestReceivedAt(), null);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "compliance stores not readable for the backlog sample", e);
            Sample previous = last;
            taken = previous == null
                    ? new Sample(now, 0, 0, null, e.toString())
                    : new Sample(now, previous.outbox(), previous.archive(), previous.oldest(), e.toString());
        }
        last = taken;
        return taken;
    }

    /** The last sample, taken now if none is younger than two periods (e.g. right after the start). */
    public Sample current() {
        Sample sample = last;
        if (sample == null || Duration.between(sample.at(), clock.instant()).toSeconds() > 2 * EVERY_SECONDS) {
            return ComplianceSettings.fromSystemProperties().enabled()
                    ? sample()
                    : new Sample(clock.instant(), 0, 0, null, null);
        }
        return sample;
    }
}
