package org.parley.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Parley's health checks as WildFly's health subsystem lists them (management interface: {@code /health/live},
 * {@code /health/ready}, {@code /health/started}). Each names a probe that its module registers ({@link
 * HealthProbes}). Readiness is every check but the threads; liveness only the threads (a deadlock never resolves
 * itself, a restart is the way out; anything else is better waited for); start-up is the client endpoints.
 */
public final class ParleyChecks {

    /** The chat store answers (ejb-core). */
    public static final String CHAT_STORE = "parley-chat-store";
    /** The compliance store answers and compliance keeps up (compliance-mdb). */
    public static final String COMPLIANCE = "parley-compliance";
    /** The broker answers and Parley's queues and topics exist (ejb-core). */
    public static final String MESSAGING = "parley-messaging";
    /** An upload could be stored now (ejb-core). */
    public static final String FILE_STORE = "parley-file-store";
    /** Clients can reach the node: the SIP connector listens on every configured transport (the SIP WAR). */
    public static final String CLIENT_ENDPOINTS = "parley-client-endpoints";
    /** No threads are deadlocked (ejb-core). */
    public static final String THREADS = "parley-threads";

    /** The readiness checks: all must be UP for the node to take new work. */
    public static final List<String> READINESS =
            List.of(CLIENT_ENDPOINTS, CHAT_STORE, COMPLIANCE, MESSAGING, FILE_STORE);

    /** Every check, in the order an operator reads them. */
    public static final List<String> ALL =
            List.of(CLIENT_ENDPOINTS, CHAT_STORE, COMPLIANCE, MESSAGING, FILE_STORE, THREADS);

    private ParleyChecks() {}

    abstract static class Delegating implements HealthCheck {

        @Inject
        HealthProbes probes;

        abstract String check();

        @Override
        public HealthCheckResponse call() {
            return probes.call(check());
        }
    }

    @Readiness
    @ApplicationScoped
    public static class ChatStore extends Delegating {
        @Override
        String check() {
            return CHAT_STORE;
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Compliance extends Delegating {
        @Override
        String check() {
            return COMPLIANCE;
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Messaging extends Delegating {
        @Override
        String check() {
            return MESSAGING;
        }
    }

    @Readiness
    @ApplicationScoped
    public static class FileStore extends Delegating {
        @Override
        String check() {
            return FILE_STORE;
        }
    }

    @Readiness
    @Startup
    @ApplicationScoped
    public static class ClientEndpoints extends Delegating {
        @Override
        String check() {
            return CLIENT_ENDPOINTS;
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Threads extends Delegating {
        @Override
        String check() {
            return THREADS;
        }
    }
}
