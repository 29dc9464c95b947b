package org.parley.sip.container;

import gov.nist.core.Host;
import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;

/**
 * The key under which a JAIN-SIP connection-oriented processor keeps its channel to a peer, as {@link
 * MessageChannel#getKey(HostPort, String)} spells it, without its {@code String.replaceAll}: that compiles a regular
 * expression to strip IPv6 brackets on every request sent (SipProviderImpl.sendRequest asks the processor for the
 * channel each time), 1 % of the server's CPU in scenario (a) of #12. An address that has brackets is left to
 * JAIN-SIP's own spelling.
 */
final class ChannelKeys {

    private ChannelKeys() {}

    static String of(HostPort target, String transport) {
        String address = target.getHost().getIpAddress();
        if (address == null) {
            address = target.getHost().getHostname();
        }
        if (address == null || address.indexOf('[') >= 0 || address.indexOf(']') >= 0) {
            return MessageChannel.getKey(target, transport);
        }
        return spelled(address, target.getPort(), transport);
    }

    /** The key of the channel to a peer's address (as a connection saw it: no brackets) and port. */
    static String of(String address, int port, String transport) {
        if (address.indexOf(':') >= 0) {
            HostPort target = new HostPort();
            target.setHost(new Host(address));
            target.setPort(port);
            return of(target, transport);
        }
        return spelled(address, port, transport);
    }

    private static String spelled(String address, int port, String transport) {
        // JAIN-SIP lower-cases in the default locale; the key must be the one it stored the channel under.
        return (transport + ":" + address + ":" + port).toLowerCase();
    }
}
