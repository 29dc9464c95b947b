package org.parley.sip.container;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;

import org.parley.sip.servlet.SipConnectionListener;

/**
 * The open TCP and TLS connections that carried a request, so that listeners hear once when each
 * closes, the dialogs on it end, and nothing more is sent to it. The stack reports a closed channel
 * through {@link NioMessageProcessors}.
 */
final class ConnectionRegistry {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());

    private final Map<MessageChannel, Connection> open = new ConcurrentHashMap<>();
    private final Set<String> openIds = ConcurrentHashMap.newKeySet();
    private final List<SipConnectionListener> listeners;
    private final SerialQueues queues;
    private final Consumer<Connection> endSessions;

    /** @param endSessions called on the stack's thread with each closed connection, before any listener */
    ConnectionRegistry(List<SipConnectionListener> listeners, SerialQueues queues, Consumer<Connection> endSessions) {
        this.listeners = listeners;
        this.queues = queues;
        this.endSessions = endSessions;
    }

    /**
     * The connection a request came on; registered the first time a stream channel is seen. (A last
     * request parsed after its channel closed registers a connection that is never reported closed;
     * state bound to it must also expire on its own, as security associations do with the registration.)
     */
    Connection of(SIPRequest request) {
        MessageChannel channel = (MessageChannel) request.getMessageChannel();
        if (!(channel instanceof ConnectionOrientedMessageChannel)) {
            return Connection.of(request);
        }
        return open.computeIfAbsent(channel, c -> {
            Connection connection = Connection.of(request);
            openIds.add(connection.id());
            return connection;
        });
    }

    /**
     * Whether a message for this connection can still go out on it: false once a stream connection
     * has closed. (JAIN-SIP would otherwise open a new connection to the client's port, which nobody
     * listens on: refused at best, a connect timeout holding the sending thread when the network is cut.)
     */
    boolean isOpen(Connection connection) {
        return !connection.isReliable() || openIds.contains(connection.id());
    }

    /** From the stack's thread: the channel is gone. Listeners run on the connection's own queue. */
    void closed(MessageChannel channel) {
        Connection connection = open.remove(channel);
        if (connection == null) {
            return;
        }
        openIds.remove(connection.id());
        LOG.fine(() -> "connection " + connection.getId() + " closed");
        endSessions.accept(connection);
        queues.submitExempt(connection.getId(), new SerialQueues.Task() {
            @Override
            public void run() {
                notifyListeners(connection);
            }

            @Override
            public void reject() {
                notifyListeners(connection);
            }
        });
    }

    int size() {
        return open.size();
    }

    private void notifyListeners(Connection connection) {
        for (SipConnectionListener listener : listeners) {
            try {
                listener.connectionClosed(connection);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection listener failed on close of " + connection.getId(), e);
            }
        }
    }
}
