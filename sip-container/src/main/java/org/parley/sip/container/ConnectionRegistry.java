package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import org.parley.sip.servlet.SipConnectionListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open TCP and TLS connections that carried a request, so that listeners hear once when each
 * closes. The stack reports a closed channel through {@link ClosingMessageProcessors}.
 */
final class ConnectionRegistry {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());

    private final Map<MessageChannel, Connection> open = new ConcurrentHashMap<>();
    private final List<SipConnectionListener> listeners;
    private final SerialQueues queues;

    ConnectionRegistry(List<SipConnectionListener> listeners, SerialQueues queues) {
        this.listeners = listeners;
        this.queues = queues;
    }

    /**
     * The connection a request came on; registered the first time a stream channel is seen. (A last
     * request parsed after its channel closed registers a connection that is never reported closed;
     * state bound to it must also expire on its own, as security associations do with the registration.)
     */
    Connection of(SIPRequest request) {
        MessageChannel channel = (MessageChannel) request.getMessageChannel();
        if (listeners.isEmpty() || !(channel instanceof ConnectionOrientedMessageChannel)) {
            return Connection.of(request);
        }
        return open.computeIfAbsent(channel, c -> Connection.of(request));
    }

    /** From the stack's thread: the channel is gone. Listeners run on the connection's own queue. */
    void closed(MessageChannel channel) {
        Connection connection = open.remove(channel);
        if (connection == null) {
            return;
        }
        LOG.fine(() -> "connection " + connection.getId() + " closed");
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
