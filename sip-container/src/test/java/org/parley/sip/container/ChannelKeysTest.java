package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.core.Host;
import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;

import org.junit.jupiter.api.Test;

/** The channel key is JAIN-SIP's, spelled without its regular expression (#12). */
class ChannelKeysTest {

    @Test
    void theKeyIsJainSipsForEveryKindOfAddress() {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "::1", "[::1]", "[2001:db8::1]", "localhost"}) {
            for (String transport : new String[] {"TCP", "tls", "Tls"}) {
                HostPort target = target(address, 5061);
                assertThat(ChannelKeys.of(target, transport))
                        .as(address + " over " + transport)
                        .isEqualTo(MessageChannel.getKey(target(address, 5061), transport));
            }
        }
    }

    @Test
    void aConnectionsPeerHasTheKeyOfItsHop() {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "::1", "2001:db8::1"}) {
            for (String transport : new String[] {"TCP", "TLS"}) {
                // As SIPTransactionStack.createRawMessageChannel makes the target of a request's hop.
                HostPort hop = new HostPort();
                hop.setHost(new Host(address));
                hop.setPort(5061);
                assertThat(ChannelKeys.of(address, 5061, transport))
                        .as(address + " over " + transport)
                        .isEqualTo(ChannelKeys.of(hop, transport));
            }
        }
    }

    private static HostPort target(String address, int port) {
        Host host = new Host();
        host.setHostname(address);
        HostPort target = new HostPort();
        target.setHost(host);
        target.setPort(port);
        return target;
    }
}
