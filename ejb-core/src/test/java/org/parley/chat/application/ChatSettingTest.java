package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The chat service's settings and the CLI script that sets them on the server agree: every setting is set there,
 * from the environment variable its name gives, with the same default; and every property of the script the chat
 * service owns is one of its settings. A setting added on one side only fails here.
 */
class ChatSettingTest {

    private static final Path CLI =
            Path.of("..", "wildfly-config", "src", "main", "cli", "configure-system-properties.cli");
    private static final Pattern ADD = Pattern.compile(
            "^/system-property=([\\w.-]+):add\\(value=\"\\$\\{env\\.(\\w+):(.*)}\"\\)$", Pattern.MULTILINE);
    /** The chat service's part of the script's properties (the SIP connector's and compliance's are theirs). */
    private static final Set<String> OWNED_PREFIXES = Set.of(
            "parley.chat.",
            "parley.filestore.",
            "parley.filetoken.",
            "parley.pool.",
            "parley.compliance.enabled",
            "parley.compliance.filestore.",
            "parley.sip.domain");

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
        for (ChatSetting setting : ChatSetting.values()) {
            assertThat(script).as(setting.property() + " in the script").containsKey(setting.property());
            String[] added = script.get(setting.property());
            assertThat(added[0])
                    .as(setting.property() + "'s environment variable")
                    .isEqualTo(setting.environmentVariable());
            if (setting.fallback() != null) {
                assertThat(added[1]).as(setting.property() + "'s default").isEqualTo(setting.fallback());
            }
        }
    }

    @Test
    void everyPropertyOfTheScriptTheChatServiceOwnsIsOneOfItsSettings() throws IOException {
        Set<String> settings =
                Arrays.stream(ChatSetting.values()).map(ChatSetting::property).collect(Collectors.toSet());
        assertThat(script().keySet().stream()
                        .filter(name -> OWNED_PREFIXES.stream().anyMatch(name::startsWith)))
                .allSatisfy(name -> assertThat(settings).as("settings").contains(name));
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
