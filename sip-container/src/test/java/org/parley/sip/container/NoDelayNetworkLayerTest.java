package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;

import gov.nist.core.net.DefaultNetworkLayer;

import org.junit.jupiter.api.Test;
import org.parley.sip.testkit.RawSip;

class NoDelayNetworkLayerTest {

    private final NoDelayNetworkLayer layer = new NoDelayNetworkLayer(DefaultNetworkLayer.SINGLETON, 0);

    @Test
    void acceptedAndConnectedSocketsHaveNagleOff() throws Exception {
        try (ServerSocket server = layer.createServerSocket(0, 0, RawSip.LOOPBACK)) {
            server.setSoTimeout(RawSip.TIMEOUT_MS);
            try (Socket created = layer.createSocket(RawSip.LOOPBACK, server.getLocalPort());
                    Socket accepted = server.accept()) {
                assertThat(created.getTcpNoDelay()).isTrue();
                assertThat(accepted.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void stackInstallsTheLayer() throws Exception {
        SipConnectorConfig config = SipConnectorConfig.builder().tlsPort(0).build();
        NoDelaySipStack stack = new NoDelaySipStack(StackProperties.of(config, "no-delay-test"));
        try {
            assertThat(stack.getNetworkLayer()).isInstanceOf(NoDelayNetworkLayer.class);
        } finally {
            stack.stop();
        }
    }
}
