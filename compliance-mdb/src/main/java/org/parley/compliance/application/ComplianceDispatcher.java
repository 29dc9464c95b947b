package org.parley.compliance.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.compliance.infrastructure.ComplianceSchemaMigration;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * Hands the compliance store's events to the configured adapters on a persistent interval timer
 * ({@code parley.compliance.interval-seconds}, 15 minutes by default as in the original product),
 * and on demand from the administrator API. Runs never overlap: the singleton serialises them.
 *
 * <p>The timer is persistent, so it survives restarts. WildFly keeps it in the compliance database
 * (configure-timers.cli), so in a pool of nodes sharing that database the timer exists once and
 * each timeout runs on one node. Each node's start therefore keeps a timer that is already there
 * with the configured interval rather than replacing it.
 *
 * <p>The adapters are read from the configuration at each run, so an operator can add or remove
 * one (the system property) without redeploying.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComplianceDispatcher {

    private static final Logger LOG = Logger.getLogger(ComplianceDispatcher.class.getName());
    private static final String TIMER = "parley-compliance-dispatch";
    /**
     * Longer than any run (at most max-batches-per-run batches per adapter): a lease that runs out
     * under a live run would let a second node in. A node that dies holding it blocks runs this long.
     */
    static final Duration LEASE = Duration.ofMinutes(30);

    @Resource
    TimerService timers;

    @EJB
    ComplianceSchemaMigration schema;

    @EJB
    JpaComplianceArchive archive;

    @Inject
    @Any
    Instance<ComplianceAdapter> adapterBeans;

    @Inject
    ParleyMeters meters;

    @PostConstruct
    void schedule() {
        schema.ready();
        ComplianceSettings settings = ComplianceSettings.fromSystemProperties();
        Duration every = settings.interval();
        // The interval is in the timer's name, as a timer cannot be asked for its interval.
        String wanted = TIMER + " every " + every.toMillis() + " ms";
        boolean kept = false;
        for (Timer timer : timers.getTimers()) {
            if (!(timer.getInfo() instanceof String info) || !info.startsWith(TIMER)) {
                continue;
            }
            // Another node of the pool, or this one before a restart, made it: keep one with this interval.
            if (settings.enabled() && !kept && info.equals(wanted)) {
                kept = true;
            } else {
                timer.cancel();
            }
        }
        if (!settings.enabled()) {
            LOG.info("Compliance is off (parley.compliance.enabled=false): nothing is archived");
            return;
        }
        adapters(settings);
        if (!kept) {
            timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig(wanted, true));
        }
        boolean reused = kept;
        LOG.info(() -> "Compliance on: adapters " + settings.adapters() + " every " + every
                + (reused ? " (the persistent timer already there)" : " (timer created)"));
    }

    @Timeout
    void onSchedule(Timer timer) {
        try {
            runNow();
        } catch (ComplianceException busy) {
            LOG.info(() -> "Compliance run skipped: " + busy.getMessage());
        }
    }

    /**
     * One run now; what the administrator API's "run now" calls. Runs on one node at a time across
     * the pool: the singleton serialises this node's runs, the dispatch lease in the compliance store
     * the nodes' (a timeout on one node and "run now" on another would otherwise hand an adapter the
     * same batch twice).
     *
     * @throws ComplianceException while another node's run holds the lease
     */
    public BatchDelivery.Outcome runNow() {
        ComplianceSettings settings = ComplianceSettings.fromSystemProperties();
        List<ComplianceAdapter> adapters = adapters(settings);
        String holder = System.getProperty("jboss.node.name", "node") + "/" + UUID.randomUUID();
        if (!archive.takeDispatchLease(holder, Instant.now(), LEASE)) {
            throw new ComplianceException(
                    "a compliance run is under way on another node; it delivers this backlog too");
        }
        BatchDelivery.Outcome outcome;
        try {
            outcome = new BatchDelivery(archive, settings.batchSize(), settings.maxBatchesPerRun()).run(adapters);
        } finally {
            archive.releaseDispatchLease(holder);
        }
        outcome.deliveredTo().forEach(meters::complianceDelivered);
        LOG.info(() -> "Compliance run: " + outcome.delivered() + " event deliveries, " + outcome.failures()
                + " adapter failures, " + outcome.deleted() + " events done and deleted");
        return outcome;
    }

    /** The configured adapters, in configuration order; an unknown name stops the start (or the run), loudly. */
    List<ComplianceAdapter> adapters(ComplianceSettings settings) {
        List<ComplianceAdapter> chosen = new ArrayList<>();
        for (String name : settings.adapters()) {
            ComplianceAdapter match = null;
            for (ComplianceAdapter adapter : adapterBeans) {
                if (adapter.name().equals(name)) {
                    match = adapter;
                }
            }
            if (match == null) {
                throw new IllegalStateException("no compliance adapter named " + name + "; known: "
                        + Arrays.toString(adapterBeans.stream()
                                .map(ComplianceAdapter::name)
                                .toArray()));
            }
            chosen.add(match);
        }
        return chosen;
    }
}
