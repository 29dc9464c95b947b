package org.parley.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.chat.application.ChatSetting;

/**
 * The compliance service's settings and the CLI script that sets them on the server agree: every setting is set
 * there, from the environment variable its name gives, with the same default; and every compliance property of the
 * script is one of its settings, or one of the two the chat service owns. A setting added on one side only fails
 * here.
 */
class ComplianceSettingTest {

    private static final Path CLI =
            Path.of("..", "wildfly-config", "src", "main", "cli", "configure-system-properties.cli");
    private static final Pattern ADD = Pattern.compile(
            "^/system-property=([\\w.-]+):add\\(value=\"\\$\\{env\\.(\\w+):(.*)}\"\\)$", Pattern.MULTILINE);
    /** Compliance properties the chat service reads (ChatSetting, checked by ChatSettingTest). */
    private static final Set<String> CHAT_SERVICE_OWNS =
            Set.of(ChatSetting.COMPLIANCE_ENABLED.property(), ChatSetting.COMPLIANCE_FILE_STORE_DIR.property());

    /** Each property the script adds: its environment variable and default. */
    private static Map<String, String[]> script() throws IOException {
        Map<String, String[]> added = new LinkedHashMap<>();
        Matcher matcher = ADD.matcher(Files.readString(CLI));
        while (matcher.find()) {
            added.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3)});
        }
        assertThat(added).as("properties read from " + CLI.toAbsolutePath()).hasSizeGreaterThan(20);
        return added;
    }

    @Test
    void everySettingIsSetByTheScriptWithItsDefault() throws IOException {
        Map<String, String[]> script = script();
        for (ComplianceSetting setting : ComplianceSetting.values()) {
            assertThat(script).as(setting.property() + " in the script").containsKey(setting.property());
            String[] added = script.get(setting.property());
            assertThat(added[0])
                    .as(setting.property() + "'s environment variable")
                    .isEqualTo(setting.environmentVariable());
            assertThat(added[1]).as(setting.property() + "'s default").isEqualTo(setting.fallback());
        }
    }

    @Test
    void everyCompliancePropertyOfTheScriptIsOneOfItsSettingsOrTheChatServices() throws IOException {
        Set<String> settings = Arrays.stream(ComplianceSetting.values())
                .map(ComplianceSetting::property)
                .collect(Collectors.toSet());
        assertThat(script().keySet().stream()
                        .filter(name -> name.startsWith("parley.compliance."))
                        .filter(name -> !CHAT_SERVICE_OWNS.contains(name)))
                .allSatisfy(name -> assertThat(settings).as("settings").contains(name));
        assertThat(settings).as("none the chat service owns").doesNotContainAnyElementsOf(CHAT_SERVICE_OWNS);
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
