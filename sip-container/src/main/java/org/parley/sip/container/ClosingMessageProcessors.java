package org.parley.sip.container;

import java.io.IOException;
import java.net.InetAddress;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TCPMessageProcessor;
import gov.nist.javax.sip.stack.TLSMessageProcessor;

/**
 * JAIN-SIP's own (blocking I/O) TCP and TLS processors, telling the stack when a channel leaves them.
 * JAIN-SIP has no connection-closed event; every channel whose socket ends (peer closed, read error,
 * our own close) passes through {@code remove} once its read loop ends, so that is the hook.
 */
final class ClosingMessageProcessors implements MessageProcessorFactory {

    private final MessageProcessorFactory plain = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(
            SIPTransactionStack stack, InetAddress address, int port, String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new Tcp(address, stack, port);
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new Tls(address, stack, port);
        }
        return plain.createMessageProcessor(stack, address, port, transport);
    }

    private static void closed(SIPTransactionStack stack, ConnectionOrientedMessageChannel channel) {
        if (stack instanceof NoDelaySipStack ours) {
            ours.channelClosed(channel);
        }
    }

    private static final class Tcp extends TCPMessageProcessor {
        Tcp(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            closed(getSIPStack(), channel);
        }
    }

    private static final class Tls extends TLSMessageProcessor {
        Tls(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            closed(getSIPStack(), channel);
        }
    }
}
