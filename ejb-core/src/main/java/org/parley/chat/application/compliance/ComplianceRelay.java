package org.parley.chat.application.compliance;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/**
 * Moves the compliance outbox to the compliance queue in batches ({@link ComplianceOutbox#relayBatch}): woken
 * {@link #LINGER_MILLIS} after an action that wrote events commits (so the events of concurrent actions leave
 * together), and every {@link #SWEEP_MILLIS} for rows a crash or a failed batch left behind. One run at a time on
 * this node; the outbox's lock row keeps nodes apart. A failed batch stays in the outbox for the next run: nothing
 * is lost, and the compliance service stores an event relayed twice once.
 */
@ApplicationScoped
public class ComplianceRelay {

    /**
     * Long enough for a batch to gather the events of many posts: each batch costs an XA transaction here and
     * another in the compliance service, whatever its size, and at 5 ms a batch held one or two events at 240 posts/s
     * (#12). The adapters see events every 15 minutes, so a tenth of a second more in the outbox is noticed by no
     * one.
     */
    static final long LINGER_MILLIS = 100;

    static final long SWEEP_MILLIS = 2_000;

    private static final Logger LOG = Logger.getLogger(ComplianceRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ComplianceOutbox outbox;

    @Inject
    ParleyMeters meters;

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object running = new Object();
    private ScheduledFuture<?> sweep;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (ChatSetting.COMPLIANCE_ENABLED.enabled()) {
            sweep = scheduler.scheduleWithFixedDelay(this::relay, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** Events were committed to the outbox: relay them shortly. */
    public void wake() {
        if (scheduled.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        scheduled.set(false);
                        relay();
                    },
                    LINGER_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Relays full batches until the outbox is empty or a batch fails. */
    void relay() {
        synchronized (running) {
            try {
                int relayed;
                do {
                    relayed = outbox.relayBatch();
                    meters.complianceQueued(relayed);
                } while (relayed == ComplianceOutbox.BATCH_SIZE); // a full batch: there may be more
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "compliance outbox not relayed now; its events stay for the next run", e);
            }
        }
    }
}
