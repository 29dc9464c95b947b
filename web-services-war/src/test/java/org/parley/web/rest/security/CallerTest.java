package org.parley.web.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.shared.ChatException;

class CallerTest {

    @Test
    void aBareNameBelongsToTheServedDomain() {
        assertThat(Caller.sipUriOf("alice", "contoso.com")).isEqualTo("sip:alice@contoso.com");
        assertThat(Caller.sipUriOf(" Alice ", "Contoso.com")).isEqualTo("sip:alice@contoso.com");
    }

    @Test
    void aUserPrincipalNameKeepsItsDomain() {
        assertThat(Caller.sipUriOf("Bob@Fabrikam.com", "contoso.com")).isEqualTo("sip:bob@fabrikam.com");
    }

    @Test
    void aSipUriIsTakenAsItIs() {
        assertThat(Caller.sipUriOf("sip:carol@contoso.com", "fabrikam.com")).isEqualTo("sip:carol@contoso.com");
        assertThat(Caller.sipUriOf("SIPS:carol@contoso.com", "fabrikam.com")).isEqualTo("sip:carol@contoso.com");
    }

    @Test
    void aNameNoSipUriCanBeMadeOfIsInvalid() {
        assertThatThrownBy(() -> Caller.sipUriOf("a b", "contoso.com"))
                .isInstanceOfSatisfying(
                        ChatException.class, e -> assertThat(e.reason()).isEqualTo(ChatException.Reason.INVALID));
    }
}
