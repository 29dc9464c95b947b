package org.parley.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.ChatSetting;
import org.parley.chat.testing.SystemPropertiesScript;

/**
 * The compliance service's settings and the CLI script that sets them on the server agree: every setting is set
 * there, from the environment variable its name gives, with the same default; and every compliance property of the
 * script is one of its settings, or one of the two the chat service owns. A setting added on one side only fails
 * here.
 */
class ComplianceSettingTest {

    /** Compliance properties the chat service reads (ChatSetting, checked by ChatSettingTest). */
    private static final Set<String> CHAT_SERVICE_OWNS =
            Set.of(ChatSetting.COMPLIANCE_ENABLED.property(), ChatSetting.COMPLIANCE_FILE_STORE_DIR.property());

    @Test
    void everySettingIsSetByTheScriptWithItsDefault() throws IOException {
        SystemPropertiesScript.read().assertSets(ComplianceSetting.values());
    }

    @Test
    void everyCompliancePropertyOfTheScriptIsOneOfItsSettingsOrTheChatServices() throws IOException {
        SystemPropertiesScript.read()
                .assertOwnedAreAmong(
                        name -> name.startsWith("parley.compliance.") && !CHAT_SERVICE_OWNS.contains(name),
                        ComplianceSetting.values());
        assertThat(Arrays.stream(ComplianceSetting.values()).map(ComplianceSetting::property))
                .as("none the chat service owns")
                .doesNotContainAnyElementsOf(CHAT_SERVICE_OWNS);
    }

    @Test
    void withNothingSetTheDefaultsApplyBelowTheServersDataDirectory() {
        Properties properties = new Properties();
        properties.setProperty("jboss.server.data.dir", "/srv/data");

        ComplianceSettings settings = ComplianceSettings.from(properties);

        assertThat(settings)
                .isEqualTo(new ComplianceSettings(
                        false,
                        List.of("xml"),
                        Duration.ofMinutes(15),
                        1000,
                        100,
                        Path.of("/srv/data/parley/compliance"),
                        1_000_000,
                        Duration.ofHours(1)));
    }

    @Test
    void setValuesAreReadStrippedAndTheSwitchIsTheChatServices() {
        Properties properties = new Properties();
        properties.setProperty(ChatSetting.COMPLIANCE_ENABLED.property(), "true");
        properties.setProperty(ComplianceSetting.ADAPTERS.property(), " xml, jsonl ,");
        properties.setProperty(ComplianceSetting.BATCH_SIZE.property(), " 50 ");
        properties.setProperty(ComplianceSetting.OUTPUT_DIR.property(), "/archive");

        ComplianceSettings settings = ComplianceSettings.from(properties);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.adapters()).containsExactly("xml", "jsonl");
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.outputDirectory()).isEqualTo(Path.of("/archive"));
    }
}
