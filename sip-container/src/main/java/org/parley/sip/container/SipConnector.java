package org.parley.sip.container;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPMessageValve;

import org.parley.sip.container.log.JulStackLogger;
import org.parley.sip.container.tls.SelfSignedKeyStore;
import org.parley.sip.servlet.SipConnectionListener;
import org.parley.sip.servlet.SipFactory;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletContext;
import org.parley.sip.servlet.SipSessionListener;

/**
 * A SIP server endpoint: a JAIN-SIP stack listening on UDP and TCP ({@code port}) and TLS
 * ({@code tlsPort}), delivering requests to {@link SipServlet}s on the given executor (in WildFly a
 * ManagedExecutorService). Register servlets, interceptors and listeners, then {@link #start()};
 * {@link #stop()} frees the ports so that a new connector can bind them again.
 *
 * <p>The requests of one Call-ID run one at a time, in arrival order; other Call-IDs run in parallel.
 * Beyond {@link SipConnectorConfig#getMaxQueuedRequests()} requests waiting or running, new requests
 * (except ACK and CANCEL) get {@code 503} with {@code Retry-After} from the stack thread, and no
 * servlet sees them.
 */
public final class SipConnector {

    private static final Logger LOG = Logger.getLogger(SipConnector.class.getName());
    private static final String[] TRANSPORTS = {ListeningPoint.UDP, ListeningPoint.TCP, ListeningPoint.TLS};

    private final SipConnectorConfig config;
    private final Executor executor;
    private final ServletRegistry servlets;
    private final InterceptorChain interceptors = new InterceptorChain();
    private final List<SipSessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SipConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final ContainerSipFactory factory;

    private volatile Container container;
    private SipStackImpl stack;
    private SipProvider provider;
    private Intake intake;
    private final List<ListeningPoint> listeningPoints = new ArrayList<>();
    private ScheduledExecutorService sweeper;

    public SipConnector(SipConnectorConfig config, Executor executor) {
        this.config = config;
        this.executor = executor;
        this.servlets = new ServletRegistry(config.getDomains());
        this.factory = new ContainerSipFactory(() -> container);
    }

    /** Registers a servlet by its {@link org.parley.sip.servlet.SipServletMapping}. */
    public void addServlet(SipServlet servlet) {
        servlets.add(servlet);
        initIfStarted(servlet);
    }

    /** Registers a servlet for the given Request-URI users (case-insensitive). */
    public void addServlet(SipServlet servlet, String... users) {
        servlets.add(servlet, false, users);
        initIfStarted(servlet);
    }

    /** Registers the servlet for requests whose user no other servlet is mapped to. */
    public void setDefaultServlet(SipServlet servlet) {
        servlets.add(servlet, true);
        initIfStarted(servlet);
    }

    /** Adds an interceptor; see {@link SipMessageInterceptor} for the order. */
    public void addInterceptor(SipMessageInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    public void addSessionListener(SipSessionListener listener) {
        listeners.add(listener);
    }

    /** Hears when TCP and TLS connections that carried requests close; add before {@link #start()}. */
    public void addConnectionListener(SipConnectionListener listener) {
        connectionListeners.add(listener);
    }

    /** Open TCP and TLS connections that carried a request (tracked only while a connection listener exists). */
    public int getConnectionCount() {
        Container current = container;
        return current == null ? 0 : current.connections().size();
    }

    public SipFactory getSipFactory() {
        return factory;
    }

    public SipConnectorConfig getConfig() {
        return config;
    }

    public boolean isStarted() {
        return container != null;
    }

    /** Live dialogs. */
    public int getSessionCount() {
        Container current = container;
        return current == null ? 0 : current.sessions().size();
    }

    /** Requests received and not yet handled. */
    public int getQueuedRequestCount() {
        Container current = container;
        return current == null ? 0 : current.queues().size();
    }

    /** The transports the configuration asks for (TCP, UDP, TLS), with their ports. */
    public Map<String, Integer> getConfiguredTransports() {
        Map<String, Integer> configured = new LinkedHashMap<>();
        for (String transport : TRANSPORTS) {
            int port = ListeningPoint.TLS.equals(transport)
                    ? config.getTlsPort()
                    : ListeningPoint.UDP.equals(transport) ? config.getUdpPort() : config.getTcpPort();
            if (port > 0) {
                configured.put(transport, port);
            }
        }
        return configured;
    }

    /** The transports bound now, with their ports: all configured ones once started, none while stopped. */
    public synchronized Map<String, Integer> getListeningTransports() {
        Map<String, Integer> listening = new LinkedHashMap<>();
        if (container != null) {
            for (ListeningPoint point : listeningPoints) {
                listening.put(point.getTransport().toUpperCase(Locale.ROOT), point.getPort());
            }
        }
        return listening;
    }

    /** 503s the layer answered itself since the connector started (queue bound reached, executor refusing work). */
    public long getOverloadResponseCount() {
        Container current = container;
        return current == null ? 0 : current.overloadResponses();
    }

    /**
     * Our requests waiting in the dialogs' outbound queues and those unanswered: what a slow client costs
     * (one pass over the live dialogs; for monitoring, not for every message).
     */
    public OutboundQueues getOutboundQueues() {
        Container current = container;
        return current == null
                ? new OutboundQueues(0, 0, 0)
                : current.sessions().outboundQueues(current.outbound().unansweredCount());
    }

    /**
     * Creates the TLS keystore if needed, starts a stack under a fresh name and binds every configured
     * transport. On failure, whatever was bound is released again.
     *
     * @throws IOException when a port cannot be bound or the keystore cannot be made
     */
    public synchronized void start() throws IOException {
        if (container != null) {
            throw new IllegalStateException("already started");
        }
        try {
            prepareKeyStore();
            openStack();
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        } catch (Exception e) {
            release();
            throw new IOException("cannot start SIP connector: " + e.getMessage(), e);
        }
        LOG.info(() -> "SIP connector listening on " + config.getBindAddress() + " (" + describe() + ") as "
                + config.getHostName());
    }

    /** Ends every session (listeners hear CONNECTOR_STOPPED), destroys the servlets and frees the ports. */
    public synchronized void stop() {
        Container stopping = container;
        if (stopping == null) {
            return;
        }
        container = null;
        sweeper.shutdownNow();
        stopping.sessions().endAll();
        release();
        for (SipServlet servlet : servlets.all()) {
            try {
                servlet.destroy();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "servlet " + servlet.getClass().getName() + " failed to stop", e);
            }
        }
        LOG.info("SIP connector stopped");
    }

    private void prepareKeyStore() throws IOException, GeneralSecurityException {
        if (config.getTlsPort() > 0 && config.isCreateKeyStore()) {
            SelfSignedKeyStore.createIfMissing(
                    config.getKeyStorePath(), config.getKeyStorePassword().toCharArray(), config.getHostName());
        }
    }

    private void openStack() throws Exception {
        if (CommonLogger.legacyLogger == null) {
            // JAIN-SIP falls back to log4j (absent) for anything it logs before its stack logger is installed.
            CommonLogger.legacyLogger = new JulStackLogger();
        }
        NioSipStack ours = new NioSipStack(StackProperties.of(config, "parley-sip-" + UUID.randomUUID()));
        stack = ours;
        Map<String, ListeningPoint> byTransport = new LinkedHashMap<>();
        for (String transport : TRANSPORTS) {
            int port = ListeningPoint.TLS.equals(transport)
                    ? config.getTlsPort()
                    : ListeningPoint.UDP.equals(transport) ? config.getUdpPort() : config.getTcpPort();
            if (port > 0) {
                ListeningPoint point = stack.createListeningPoint(config.getBindAddress(), port, transport);
                listeningPoints.add(point);
                byTransport.put(transport, point);
                if (provider == null) {
                    provider = stack.createSipProvider(point);
                } else {
                    provider.addListeningPoint(point);
                }
            }
        }
        if (provider == null) {
            throw new IllegalStateException("no transport configured");
        }
        Container started = new Container(
                config, provider, byTransport, executor, servlets, interceptors, listeners, connectionListeners);
        ours.onChannelClosed(started.connections()::closed);
        ours.responses(new LeanResponses(started));
        for (SIPMessageValve valve : ours.sipMessageValves) {
            if (valve instanceof ResponseCheckValve responses) {
                responses.attach(started);
            }
        }
        intake = new Intake(started, stack);
        provider.addSipListener(intake);
        stack.start();
        SipServletContext context = () -> factory;
        for (SipServlet servlet : servlets.all()) {
            servlet.init(context);
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-sip-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.getSweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(
                () -> started.sessions().sweep(System.nanoTime()), interval, interval, TimeUnit.MILLISECONDS);
        // Requests sent without a transaction time out to within a tenth of their deadline, as Timer F would.
        long responses = Math.max(10, Math.min(1000, config.getResponseTimeout().toMillis() / 10));
        sweeper.scheduleWithFixedDelay(
                () -> started.outbound().sweep(System.nanoTime()), responses, responses, TimeUnit.MILLISECONDS);
        container = started;
    }

    /** Deletes providers and listening points before stopping the stack: only that closes the sockets. */
    private void release() {
        if (stack == null) {
            return;
        }
        try {
            if (provider != null) {
                if (intake != null) {
                    provider.removeSipListener(intake);
                }
                stack.deleteSipProvider(provider);
            }
            for (ListeningPoint point : listeningPoints) {
                stack.deleteListeningPoint(point);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not release every SIP listening point", e);
        } finally {
            stack.stop();
            stack = null;
            provider = null;
            intake = null;
            listeningPoints.clear();
        }
    }

    private void initIfStarted(SipServlet servlet) {
        if (container != null) {
            servlet.init(() -> factory);
        }
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (ListeningPoint point : listeningPoints) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append(point.getTransport())
                    .append(' ')
                    .append(point.getPort());
        }
        return s.toString();
    }
}
