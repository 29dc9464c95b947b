package org.parley.sip.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.chat.application.ChatSetting;
import org.parley.chat.testing.SystemPropertiesScript;

/**
 * The SIP WAR's settings and the CLI script that sets them on the server agree: every setting is set there, from its
 * environment variable, with the same default; and every {@code parley.sip.} property of the script is one of them
 * (the SIP domain is the chat service's). A setting added on one side only fails here.
 */
class SipSettingTest {

    @AfterEach
    void clear() {
        System.clearProperty(SipSetting.MAX_QUEUED_REQUESTS.property());
    }

    @Test
    void everySettingIsSetByTheScriptWithItsDefault() throws IOException {
        SystemPropertiesScript.read().assertSets(SipSetting.values());
    }

    @Test
    void everySipPropertyOfTheScriptIsOneOfItsSettings() throws IOException {
        SystemPropertiesScript.read()
                .assertOwnedAreAmong(
                        name -> name.startsWith("parley.sip.") && !name.equals(ChatSetting.DOMAIN.property()),
                        SipSetting.values());
    }

    @Test
    void aBlankSettingTakesItsDefaultAndTheKeystoreDefaultIsInTheConfigurationDirectory() {
        Properties properties = new Properties();
        properties.setProperty(SipSetting.PORT.property(), " ");
        assertThat(SipSetting.PORT.in(properties)).isEqualTo("5060");
        properties.setProperty("jboss.server.config.dir", "/srv/wildfly/configuration");
        assertThat(SipSetting.TLS_KEYSTORE.in(properties)).isEqualTo("/srv/wildfly/configuration/parley-sip.p12");
    }

    @Test
    void aNumberThatIsNoneFailsNamingItsProperty() {
        System.setProperty(SipSetting.MAX_QUEUED_REQUESTS.property(), "many");
        assertThatThrownBy(SipSettings::fromSystemProperties)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parley.sip.max-queued-requests")
                .hasMessageContaining("many");
    }
}
