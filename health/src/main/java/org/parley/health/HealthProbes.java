package org.parley.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The probes behind Parley's health checks, registered by the modules that know the state when they start and
 * withdrawn when they stop. A check whose probe is not registered answers DOWN ("not started"): a node is not ready
 * until every part of it has started, and stops being ready as soon as one part stops.
 */
@ApplicationScoped
public class HealthProbes {

    private final Map<String, HealthCheck> probes = new ConcurrentHashMap<>();

    /** @param check one of the names of {@link ParleyChecks}; {@code probe} runs at every probe request */
    public void register(String check, HealthCheck probe) {
        probes.put(check, probe);
    }

    public void withdraw(String check) {
        probes.remove(check);
    }

    /** The check's answer: its probe's, DOWN if none is registered or the probe fails. */
    public HealthCheckResponse call(String check) {
        HealthCheck probe = probes.get(check);
        if (probe == null) {
            return HealthCheckResponse.named(check)
                    .down()
                    .withData("state", "not started")
                    .build();
        }
        try {
            HealthCheckResponse response = probe.call();
            return response.getName().equals(check)
                    ? response
                    : HealthCheckResponse.builder()
                            .name(check)
                            .status(response.getStatus() == HealthCheckResponse.Status.UP)
                            .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check)
                    .down()
                    .withData("failure", e.toString())
                    .build();
        }
    }
}
