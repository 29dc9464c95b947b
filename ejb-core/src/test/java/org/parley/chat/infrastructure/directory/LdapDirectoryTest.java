package org.parley.chat.infrastructure.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What goes into an LDAP filter is escaped; the units of an entry are every entry above it, in normal form. */
class LdapDirectoryTest {

    @Test
    void filterValuesAreEscaped() {
        assertThat(LdapDirectory.escape("alice*)(uid=*")).isEqualTo("alice\\2a\\29\\28uid=\\2a");
        assertThat(LdapDirectory.escape("back\\slash\0")).isEqualTo("back\\5cslash\\00");
        assertThat(LdapDirectory.escape("sip:alice@contoso.com")).isEqualTo("sip:alice@contoso.com");
    }

    @Test
    void theUnitsOfAnEntryAreTheEntriesAboveIt() throws Exception {
        assertThat(LdapDirectory.unitsAbove("uid=Dave,OU=Sales, OU=People,DC=contoso,DC=com"))
                .containsExactlyInAnyOrder(
                        "ou=sales,ou=people,dc=contoso,dc=com",
                        "ou=people,dc=contoso,dc=com",
                        "dc=contoso,dc=com",
                        "dc=com");
    }
}
