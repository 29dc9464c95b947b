package org.parley.sip.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipSessionEndReason;

/**
 * The live dialogs, keyed by Call-ID and our tag (our tag is unique, so clients that reuse Call-IDs
 * and From tags, as two SIPE started in the same second do, still get separate dialogs). A session
 * leaves the registry the moment it ends, so dialogs of vanished clients cannot pile up: the sweeper
 * ends those whose ACK or refresh is overdue.
 */
final class SessionRegistry {

    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private final Container container;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionRegistry(Container container) {
        this.container = container;
    }

    /** Called on the dialog's queue, so listeners hear of it before the servlet sees the request. */
    Session create(IncomingRequest initial, SipServlet servlet) {
        Session session = new Session(container, initial, servlet);
        sessions.put(session.key(), session);
        container.sessionCreated(session);
        return session;
    }

    Session find(String callId, String localTag) {
        return sessions.get(Session.key(callId, localTag));
    }

    int size() {
        return sessions.size();
    }

    /** The requests of ours waiting in dialog queues: in all, and in the fullest one (one pass over the dialogs). */
    OutboundQueues outboundQueues(int unanswered) {
        int waiting = 0;
        int deepest = 0;
        for (Session session : sessions.values()) {
            int depth = session.outboundWaiting();
            waiting += depth;
            deepest = Math.max(deepest, depth);
        }
        return new OutboundQueues(waiting, deepest, unanswered);
    }

    /** Ends the session once; listeners are called on the dialog's queue, after the work already queued there. */
    void end(Session session, SipSessionEndReason reason) {
        if (!session.terminate()) {
            return;
        }
        sessions.remove(session.key(), session);
        destroyedLater(session, reason);
    }

    private void destroyedLater(Session session, SipSessionEndReason reason) {
        LOG.fine(() -> session.getId() + " ended: " + reason);
        container.queues().submitExempt(session.getCallId(), new SerialQueues.Task() {
            @Override
            public void run() {
                container.outbound().sessionEnded(session);
                container.sessionDestroyed(session, reason);
            }

            @Override
            public void reject() {
                container.outbound().sessionEnded(session);
                container.sessionDestroyed(session, reason);
            }
        });
    }

    /**
     * The dialogs whose peer was last on this (now closed) connection end. All of them are marked ended
     * before any listener hears of one, so that what a listener sends on the end of one (a room's
     * departure notices) does not go to the others: when a thousand clients vanish together, each of
     * their connections is reported here, and notices then go to the living only.
     */
    void connectionClosed(Connection connection) {
        List<Session> ended = new ArrayList<>();
        for (Session session : sessions.values()) {
            if (connection.equals(session.getConnection()) && session.terminate()) {
                sessions.remove(session.key(), session);
                ended.add(session);
            }
        }
        for (Session session : ended) {
            destroyedLater(session, SipSessionEndReason.CONNECTION_CLOSED);
        }
    }

    void sweep(long now) {
        for (Session session : sessions.values()) {
            SipSessionEndReason reason = session.due(now);
            if (reason != null) {
                end(session, reason);
            }
        }
    }

    /** On stop: the executor may be gone, so listeners are called here and now. */
    void endAll() {
        for (Session session : sessions.values()) {
            if (session.terminate()) {
                sessions.remove(session.key(), session);
                container.sessionDestroyed(session, SipSessionEndReason.CONNECTOR_STOPPED);
            }
        }
    }
}
