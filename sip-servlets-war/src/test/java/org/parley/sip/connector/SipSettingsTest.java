package org.parley.sip.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Front-end trust is by source address, which UDP lets anyone forge: UDP is off unless configured. */
class SipSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("parley.sip.udp");
        System.clearProperty("parley.sip.port");
    }

    @Test
    void udpIsOffByDefaultAndOnWhenConfigured() {
        assertThat(SipSettings.fromSystemProperties().getUdpPort())
                .as("no UDP by default")
                .isEqualTo(0);
        assertThat(SipSettings.fromSystemProperties().getTcpPort()).isEqualTo(5060);
        System.setProperty("parley.sip.udp", "true");
        System.setProperty("parley.sip.port", "5070");
        assertThat(SipSettings.fromSystemProperties().getUdpPort()).isEqualTo(5070);
    }
}
