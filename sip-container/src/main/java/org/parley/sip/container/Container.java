package org.parley.sip.container;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;

import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.parley.sip.servlet.SipConnectionListener;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.servlet.SipSessionListener;

/** What the parts of one started connector share: the stack's provider, the queues, the registries. */
final class Container {

    private static final Logger LOG = Logger.getLogger(Container.class.getName());

    private final SipConnectorConfig config;
    private final SipProvider provider;
    private final Map<String, ListeningPoint> listeningPoints;
    private final SerialQueues queues;
    private final SessionRegistry sessions;
    private final ServletRegistry servlets;
    private final InterceptorChain interceptors;
    private final List<SipSessionListener> listeners;
    private final ConnectionRegistry connections;
    private final Responder responder = new Responder(this);
    private final Outbound outbound = new Outbound(this);
    private final LongAdder overloadResponses = new LongAdder();
    private final Map<String, ViaHeader> vias = new ConcurrentHashMap<>();

    Container(
            SipConnectorConfig config,
            SipProvider provider,
            Map<String, ListeningPoint> listeningPoints,
            Executor executor,
            ServletRegistry servlets,
            InterceptorChain interceptors,
            List<SipSessionListener> listeners,
            List<SipConnectionListener> connectionListeners) {
        this.config = config;
        this.provider = provider;
        this.listeningPoints = Map.copyOf(listeningPoints);
        this.queues = new SerialQueues(executor, config.getMaxQueuedRequests());
        this.sessions = new SessionRegistry(this);
        this.servlets = servlets;
        this.interceptors = interceptors;
        this.listeners = listeners;
        this.connections = new ConnectionRegistry(connectionListeners, queues, sessions::connectionClosed);
    }

    SipConnectorConfig config() {
        return config;
    }

    SipProvider provider() {
        return provider;
    }

    SerialQueues queues() {
        return queues;
    }

    SessionRegistry sessions() {
        return sessions;
    }

    /** Counts a 503 the layer answered itself (overload, or the executor refusing the work). */
    void overloadAnswered() {
        overloadResponses.increment();
    }

    long overloadResponses() {
        return overloadResponses.sum();
    }

    ServletRegistry servlets() {
        return servlets;
    }

    ConnectionRegistry connections() {
        return connections;
    }

    InterceptorChain interceptors() {
        return interceptors;
    }

    Responder responder() {
        return responder;
    }

    Outbound outbound() {
        return outbound;
    }

    /**
     * Our Via for a request sent on {@code transport}, without a branch (the sender names the transaction). A copy
     * of one built once per transport: building parses the host name, and every chat delivery needs a Via.
     */
    ViaHeader via(String transport) {
        return (ViaHeader) vias.computeIfAbsent(transport.toUpperCase(Locale.ROOT), key -> {
                    ListeningPoint point = listeningPoint(key);
                    try {
                        return Jain.HEADERS.createViaHeader(
                                config.getHostName(), point.getPort(), point.getTransport(), null);
                    } catch (ParseException | InvalidArgumentException e) {
                        throw new IllegalStateException("cannot build Via for " + key, e);
                    }
                })
                .clone();
    }

    /**
     * Where the peer reaches {@code user} on the transport it talks to us on: {@code <sip:user@host:port;transport=x>}.
     * Built anew (it parses the URI): a session keeps its own ({@link Session#createRequest}).
     */
    ContactHeader contact(String user, Connection connection) {
        ListeningPoint point = listeningPoint(connection.transport());
        try {
            SipURI uri = Jain.ADDRESSES.createSipURI(user, config.getHostName());
            uri.setPort(point.getPort());
            uri.setTransportParam(point.getTransport().toLowerCase(Locale.ROOT));
            return Jain.HEADERS.createContactHeader(Jain.ADDRESSES.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build Contact for " + user, e);
        }
    }

    /**
     * The stack's channel over {@code flow} as it is, the one JAIN-SIP's provider would find for a request it sends
     * there; null when the connection is gone (JAIN-SIP would connect anew: it is left to do so).
     */
    MessageChannel channelOf(Connection flow) {
        if (!(stack() instanceof NioSipStack ours)) {
            return null;
        }
        for (MessageProcessor processor : ours.processors()) {
            if (processor instanceof NioMessageProcessors.Streams streams
                    && processor.getTransport().equalsIgnoreCase(flow.transport())) {
                return streams.existing(flow.remoteAddress(), flow.remotePort());
            }
        }
        return null;
    }

    SIPTransactionStack stack() {
        return (SIPTransactionStack) ((SipProviderImpl) provider).getSipStack();
    }

    private ListeningPoint listeningPoint(String transport) {
        ListeningPoint point = listeningPoints.get(transport.toUpperCase(Locale.ROOT));
        if (point == null) {
            throw new IllegalStateException("no listening point for " + transport);
        }
        return point;
    }

    void sessionCreated(SipSession session) {
        for (SipSessionListener listener : listeners) {
            try {
                listener.sessionCreated(session);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session listener failed on creation of " + session, e);
            }
        }
    }

    void sessionDestroyed(SipSession session, SipSessionEndReason reason) {
        for (SipSessionListener listener : listeners) {
            try {
                listener.sessionDestroyed(session, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session listener failed on end of " + session, e);
            }
        }
    }
}
