package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;

/** An organisational unit is a principal: one normal form however it is written, matched by the units above a user. */
class PrincipalTest {

    @Test
    void aUnitIsKeptInOneNormalForm() {
        Principal written = Principal.parse("ou:OU=Sales, OU=People,DC=Contoso,DC=com");
        assertThat(written).isEqualTo(Principal.parse("OU:ou=sales,ou=people,dc=contoso,dc=com"));
        assertThat(written.toString()).isEqualTo("ou:ou=sales,ou=people,dc=contoso,dc=com");
        assertThat(Principal.parse(written.toString())).isEqualTo(written);
    }

    @Test
    void aUnitThatIsNoDistinguishedNameIsRefused() {
        assertThatThrownBy(() -> Principal.parse("ou:sales"))
                .isInstanceOf(ChatException.class)
                .hasMessageContaining("not a distinguished name");
        assertThatThrownBy(() -> Principal.parse("ou:")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> Principal.parse("ou:ou=" + "x".repeat(300)))
                .isInstanceOf(ChatException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void aUserIsMatchedByTheUnitsAboveTheirEntry() {
        Subject dave = new Subject(
                SipUri.parse("sip:dave@contoso.com"),
                Set.of("platform"),
                Set.of("ou=sales,ou=people,dc=contoso,dc=com", "ou=people,dc=contoso,dc=com"));
        assertThat(dave.matches(Principal.parse("ou:OU=Sales,OU=People,DC=contoso,DC=com")))
                .isTrue();
        assertThat(dave.matches(Principal.parse("ou:ou=people,dc=contoso,dc=com")))
                .isTrue();
        assertThat(dave.matches(Principal.parse("ou:ou=engineering,ou=people,dc=contoso,dc=com")))
                .isFalse();
        assertThat(dave.principals())
                .contains(
                        Principal.parse("ou:ou=sales,ou=people,dc=contoso,dc=com"), Principal.parse("group:platform"));
    }
}
