package org.parley.chat.infrastructure.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.testing.SystemPropertiesScript;

/**
 * The directory's settings and configure-directory.cli agree: every setting is set there from its PARLEY_LDAP_*
 * variable with the same default, and every property of the script is one of them but the two Elytron reads (web
 * sign-in). A setting added on one side only, or a default changed on one side only, fails here.
 */
class DirectorySettingTest {

    private static final Set<String> READ_BY_ELYTRON =
            Set.of("parley.directory.login-attribute", "parley.directory.users-group");

    @Test
    void everySettingIsSetByTheScriptWithItsDefault() throws IOException {
        SystemPropertiesScript.read("configure-directory.cli").assertSets(DirectorySetting.values());
    }

    @Test
    void everyPropertyOfTheScriptButElytronsOwnIsOneOfItsSettings() throws IOException {
        SystemPropertiesScript.read("configure-directory.cli")
                .assertOwnedAreAmong(name -> !READ_BY_ELYTRON.contains(name), DirectorySetting.values());
    }

    @Test
    void withoutPropertiesTheSettingsAreTheScriptsDefaultsAndThereIsNoDirectory() {
        DirectorySettings settings = DirectorySettings.from(new Properties());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.url()).isEqualTo("ldap://127.0.0.1:3389");
        assertThat(settings.adminsGroup()).isEqualTo("chat-admins");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DirectorySettings.refreshInterval(new Properties())).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aPasswordIsTakenAsGivenAndOtherValuesStripped() {
        Properties properties = new Properties();
        properties.setProperty(DirectorySetting.DIRECTORY, " LDAP ");
        properties.setProperty(DirectorySetting.BIND_PASSWORD.property(), " secret ");
        properties.setProperty(DirectorySetting.USERS_DN.property(), " ou=staff,dc=example,dc=com ");
        DirectorySettings settings = DirectorySettings.from(properties);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.bindPassword()).isEqualTo(" secret ");
        assertThat(settings.usersDn()).isEqualTo("ou=staff,dc=example,dc=com");
    }
}
