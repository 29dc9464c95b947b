package org.parley.sip.connector;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.HealthProbes;
import org.parley.health.NodeReadiness;
import org.parley.health.ParleyChecks;
import org.parley.sip.container.SipConnector;
import org.parley.sip.servlet.SipConnectionListener;
import org.parley.sip.servlet.SipFactory;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletMapping;
import org.parley.sip.servlet.SipSessionListener;

/**
 * Hosts the SIP connector for the lifetime of the deployment: binds the ports when the EAR starts
 * (after the chat store's schema is migrated) and frees them when it stops, so a redeploy rebinds.
 * Every SipServlet, SipSessionListener, SipConnectionListener and SipMessageInterceptor bean of this WAR is registered;
 * servlets must be @Dependent (no client proxy), since the layer reads their overridden methods.
 * SIP work runs on the managed executor configure-concurrency.cli sets up, never on the stack's thread.
 */
@Singleton
@Startup
@DependsOn("parley-ejb-core.jar#SchemaMigration")
public class SipConnectorService {

    private static final Logger LOG = Logger.getLogger(SipConnectorService.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/parley-sip")
    private ManagedExecutorService executor;

    @Inject
    @Any
    private Instance<SipServlet> servlets;

    @Inject
    @Any
    private Instance<SipSessionListener> listeners;

    @Inject
    @Any
    private Instance<SipMessageInterceptor> interceptors;

    @Inject
    @Any
    private Instance<SipConnectionListener> connectionListeners;

    @Inject
    HealthProbes health;

    @Inject
    NodeReadiness readiness;

    private SipConnector connector;

    @PostConstruct
    void start() {
        SipConnector created = new SipConnector(SipSettings.fromSystemProperties(), executor);
        for (SipServlet servlet : servlets) {
            if (servlet instanceof ConfiguredMapping configured) {
                created.addServlet(servlet, configured.mappedUsers().toArray(String[]::new));
            } else if (servlet.getClass().isAnnotationPresent(SipServletMapping.class)) {
                created.addServlet(servlet);
            }
        }
        listeners.forEach(created::addSessionListener);
        // First, so that a front end's probe of a node that is not ready gets 503, not another interceptor's answer.
        created.addInterceptor(new ReadinessGate(readiness::ready));
        interceptors.forEach(created::addInterceptor);
        connectionListeners.forEach(created::addConnectionListener);
        try {
            created.start();
        } catch (IOException e) {
            throw new IllegalStateException("SIP connector could not start: " + e.getMessage(), e);
        }
        connector = created;
        health.register(ParleyChecks.CLIENT_ENDPOINTS, this::listening);
        LOG.info(() -> "SIP connector started: " + describe());
        LOG.info(this::whereParleyListens);
    }

    /**
     * One line an operator (or a developer who just ran the README's run command) reads to know where to go: the
     * SIP ports and domain, and the web addresses WildFly serves the EAR's web services on (its own properties,
     * with the defaults of standalone-full.xml).
     */
    private String whereParleyListens() {
        var config = connector.getConfig();
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        String web = "http://" + System.getProperty("jboss.bind.address", "127.0.0.1") + ":"
                + (Integer.getInteger("jboss.http.port", 8080) + offset) + "/parley/";
        String management = "http://" + System.getProperty("jboss.bind.address.management", "127.0.0.1") + ":"
                + (Integer.getInteger("jboss.management.http.port", 9990) + offset);
        return "Parley listens: SIP on " + config.getBindAddress() + " TCP " + config.getTcpPort()
                + (config.getTlsPort() > 0 ? ", TLS " + config.getTlsPort() : "")
                + (config.getUdpPort() > 0 ? ", UDP " + config.getUdpPort() : "") + " for " + config.getDomains()
                + "; the room page and admin console " + web + ", the REST API " + web + "api/v1/ (" + web
                + "openapi.yaml), operations " + web + "operations.html; metrics and health " + management
                + "/metrics, " + management + "/health";
    }

    @PreDestroy
    void stop() {
        health.withdraw(ParleyChecks.CLIENT_ENDPOINTS);
        if (connector != null) {
            connector.stop();
            LOG.info("SIP connector stopped, ports freed");
        }
    }

    /** The factory for requests outside a dialog (JSR 289's injectable SipFactory). */
    @Produces
    public SipFactory sipFactory() {
        return connector.getSipFactory();
    }

    public SipConnector connector() {
        return connector;
    }

    /**
     * The readiness and start-up probe: listening on every transport the configuration names (UDP, TCP, TLS with
     * their ports).
     */
    private HealthCheckResponse listening() {
        SipConnector current = connector;
        Map<String, Integer> configured = current.getConfiguredTransports();
        Map<String, Integer> listening = current.getListeningTransports();
        var response = HealthCheckResponse.named(ParleyChecks.CLIENT_ENDPOINTS);
        configured.forEach((transport, port) -> response.withData(
                "sip-" + transport.toLowerCase(Locale.ROOT),
                port.equals(listening.get(transport)) ? "listening on " + port : "not listening on " + port));
        return response.status(!configured.isEmpty() && listening.equals(configured))
                .build();
    }

    private String describe() {
        var config = connector.getConfig();
        return "UDP/TCP " + config.getBindAddress() + ":" + config.getUdpPort() + ", TLS " + config.getBindAddress()
                + ":" + config.getTlsPort() + " (keystore " + config.getKeyStorePath() + "), domains "
                + config.getDomains();
    }
}
