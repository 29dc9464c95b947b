package org.parley.health;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this node should be sent new work, for the transports that answer a front end's probe themselves (the
 * SIP connector answers Kamailio's OPTIONS pings with 503 while not ready): every readiness check of Parley's is
 * UP and WildFly is not suspended (draining). The asker never waits for the probes (a store that hangs must not
 * hold a SIP thread): it gets the last answer, and an answer older than a second is renewed in the background, so
 * the probes run at most about once a second whatever the probing rate. Only the first question, at start, waits
 * for its answer.
 */
@ApplicationScoped
public class NodeReadiness {

    static final long KEPT_NANOS = 1_000_000_000L;

    @Inject
    HealthProbes probes;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    private final BooleanSupplier suspended;
    private final LongSupplier clock;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile boolean ready;
    private volatile long answeredAt;
    private volatile boolean answered;

    public NodeReadiness() {
        this(NodeReadiness::serverSuspended, System::nanoTime);
    }

    NodeReadiness(BooleanSupplier suspended, LongSupplier clock) {
        this.suspended = suspended;
        this.clock = clock;
    }

    public boolean ready() {
        if (!answered) {
            synchronized (this) {
                if (!answered) {
                    // The very first question waits for its answer (once per deployment, at start).
                    renewing.set(true);
                    renew();
                }
            }
            return ready;
        }
        if (clock.getAsLong() - answeredAt >= KEPT_NANOS && renewing.compareAndSet(false, true)) {
            try {
                executor().execute(this::renew);
            } catch (RuntimeException refused) {
                renewing.set(false); // shutting down: the last answer stands
            }
        }
        return ready;
    }

    private void renew() {
        try {
            ready = !suspended.getAsBoolean()
                    && ParleyChecks.READINESS.stream()
                            .allMatch(check -> probes.call(check).getStatus() == HealthCheckResponse.Status.UP);
            answeredAt = clock.getAsLong();
            answered = true;
        } finally {
            renewing.set(false);
        }
    }

    Executor executor() {
        return executor;
    }

    /** WildFly's suspend state through its management model's MBean (RUNNING, SUSPENDING, SUSPENDED...). */
    static boolean serverSuspended() {
        try {
            Object state = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("jboss.as:management-root=server"), "suspendState");
            return state != null && !"RUNNING".equals(state.toString());
        } catch (JMException | RuntimeException notWildFly) {
            return false;
        }
    }
}
