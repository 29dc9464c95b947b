package org.parley.sip.container;

import java.util.Locale;

import javax.sip.address.Hop;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.MessageChannel;

import org.parley.sip.servlet.SipConnection;

/** The transport of a received request: where the peer really is, which may differ from its Via and Contact. */
record Connection(String id, String transport, String remoteAddress, int remotePort, String localAddress, int localPort)
        implements SipConnection {

    static Connection of(SIPRequest request) {
        MessageChannel channel = (MessageChannel) request.getMessageChannel();
        String transport = channel.getTransport().toUpperCase(Locale.ROOT);
        String remoteAddress = request.getPeerPacketSourceAddress().getHostAddress();
        int remotePort = request.getPeerPacketSourcePort();
        String id = transport + ":" + remoteAddress + ":" + remotePort;
        if (!"UDP".equals(transport)) {
            // A client reconnecting from the same port is another connection (and security association).
            id += "#" + Integer.toHexString(System.identityHashCode(channel));
        }
        return new Connection(
                id,
                transport,
                remoteAddress,
                remotePort,
                request.getLocalAddress().getHostAddress(),
                request.getLocalPort());
    }

    /** The next hop that sends back through this connection (JAIN-SIP reuses cached stream connections by peer address). */
    Hop hop() {
        return new HopImpl(remoteAddress, remotePort, transport);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getTransport() {
        return transport;
    }

    @Override
    public boolean isSecure() {
        return "TLS".equals(transport);
    }

    @Override
    public boolean isReliable() {
        return !"UDP".equals(transport);
    }

    @Override
    public String getRemoteAddress() {
        return remoteAddress;
    }

    @Override
    public int getRemotePort() {
        return remotePort;
    }

    @Override
    public String getLocalAddress() {
        return localAddress;
    }

    @Override
    public int getLocalPort() {
        return localPort;
    }
}
