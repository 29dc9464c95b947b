package org.parley.chat.infrastructure.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryOnlineClientsTest {

    @Test
    void keepsEverySessionOfAUserUntilItGoes() {
        InMemoryOnlineClients online = new InMemoryOnlineClients();
        online.connected("sip:alice@contoso.com", "s1");
        online.connected("sip:alice@contoso.com", "s2");
        online.connected("sip:bob@contoso.com", "s3");
        assertThat(online.sessionsOf("sip:alice@contoso.com")).containsExactlyInAnyOrder("s1", "s2");
        online.disconnected("sip:alice@contoso.com", "s1");
        assertThat(online.sessionsOf("sip:alice@contoso.com")).containsExactly("s2");
        online.disconnected("sip:alice@contoso.com", "s2");
        online.disconnected("sip:alice@contoso.com", "s2");
        assertThat(online.sessionsOf("sip:alice@contoso.com")).isEmpty();
        assertThat(online.sessionsOf("sip:carol@contoso.com")).isEmpty();
    }
}
