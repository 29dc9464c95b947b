package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.testing.SystemPropertiesScript;

/**
 * The chat service's settings and the CLI script that sets them on the server agree: every setting is set there,
 * from the environment variable its name gives, with the same default; and every property of the script the chat
 * service owns is one of its settings. A setting added on one side only fails here.
 */
class ChatSettingTest {

    /** The chat service's part of the script's properties (the SIP connector's and compliance's are theirs). */
    private static final Set<String> OWNED_PREFIXES = Set.of(
            "parley.chat.",
            "parley.filestore.",
            "parley.filetoken.",
            "parley.pool.",
            "parley.compliance.enabled",
            "parley.compliance.filestore.",
            "parley.sip.domain");

    @Test
    void everySettingIsSetByTheScriptWithItsDefault() throws IOException {
        SystemPropertiesScript.read().assertSets(ChatSetting.values());
    }

    @Test
    void everyPropertyOfTheScriptTheChatServiceOwnsIsOneOfItsSettings() throws IOException {
        SystemPropertiesScript.read()
                .assertOwnedAreAmong(name -> OWNED_PREFIXES.stream().anyMatch(name::startsWith), ChatSetting.values());
    }

    @Test
    void aPropertyAbsentTakesTheDefaultOneSetEmptyStaysEmpty() {
        Properties properties = new Properties();
        assertThat(ChatSetting.ADMINISTRATORS.in(properties)).isEqualTo("sip:admin@contoso.com");
        properties.setProperty(ChatSetting.ADMINISTRATORS.property(), " ");
        assertThat(ChatSetting.ADMINISTRATORS.in(properties))
                .as("no administrators named")
                .isEmpty();
        assertThat(ChatConfiguration.from(properties).administrators()).isEmpty();
        assertThat(ChatSetting.FILE_STORE_DIR.in(new Properties())).isNull();
    }
}
