package org.parley.chat.infrastructure.health;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.ParleyChecks;

/**
 * Liveness probe ({@link ParleyChecks#THREADS}): no threads are deadlocked. A deadlock never resolves itself: a
 * restart is the only way out, which is what a failing liveness probe asks for. Everything else (a store down, a
 * backlog) is readiness: waiting helps.
 */
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        var response = HealthCheckResponse.named(ParleyChecks.THREADS);
        if (deadlocked == null) {
            return response.up().build();
        }
        String names = Arrays.stream(threads.getThreadInfo(deadlocked))
                .filter(info -> info != null)
                .map(ThreadInfo::getThreadName)
                .collect(Collectors.joining(", "));
        return response.down().withData("deadlocked", names).build();
    }
}
