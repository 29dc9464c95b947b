package org.parley.sip.container;

import java.util.Properties;
import java.util.function.Consumer;

import javax.sip.PeerUnavailableException;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageChannel;

/**
 * JAIN-SIP's stack with its network layer wrapped in a {@link NoDelayNetworkLayer}. Wrapping here,
 * rather than naming a layer in gov.nist.javax.sip.NETWORK_LAYER, keeps the layer the stack built
 * from our keystore properties: a named layer replaces it and is never told those properties.
 * Accepted connections get the read timeout ({@link MessageDeadline}). Its TCP and TLS processors ({@link ClosingMessageProcessors}) report closed channels here.
 */
final class NoDelaySipStack extends SipStackImpl {

    private volatile Consumer<MessageChannel> onChannelClosed = channel -> {};

    NoDelaySipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        // The same read timeout JAIN-SIP is given, which alone would not cover silent connections (MessageDeadline).
        networkLayer = new NoDelayNetworkLayer(
                getNetworkLayer(), Integer.parseInt(properties.getProperty(StackProperties.READ_TIMEOUT, "-1")));
        setMessageProcessorFactory(new ClosingMessageProcessors());
    }

    void onChannelClosed(Consumer<MessageChannel> handler) {
        onChannelClosed = handler;
    }

    void channelClosed(MessageChannel channel) {
        onChannelClosed.accept(channel);
    }
}
