package org.parley.sip.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(0, SipSettings.fromSystemProperties().getUdpPort(), "no UDP by default");
        assertEquals(5060, SipSettings.fromSystemProperties().getTcpPort());
        System.setProperty("parley.sip.udp", "true");
        System.setProperty("parley.sip.port", "5070");
        assertEquals(5070, SipSettings.fromSystemProperties().getUdpPort());
    }
}
