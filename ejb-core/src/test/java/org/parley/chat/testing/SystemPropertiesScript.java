package org.parley.chat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.parley.chat.application.Setting;

/**
 * wildfly-config's configure-system-properties.cli as the settings tests read it: each property it adds, from which
 * environment variable and with which default. The chat and the compliance settings tests both check their settings
 * against it, so a setting added on one side only fails there.
 */
public final class SystemPropertiesScript {

    private static final Path SCRIPTS = Path.of("..", "wildfly-config", "src", "main", "cli");
    private static final Path CLI = SCRIPTS.resolve("configure-system-properties.cli");
    private static final Path UNDO = SCRIPTS.resolve("remove-system-properties.cli");
    private static final Path README = Path.of("..", "README.md");
    /** A row of the README's table of settings: environment variable, system property, default. */
    private static final Pattern ROW =
            Pattern.compile("^\\| `(\\w+)` \\| `([\\w.-]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

    private static final Pattern ADD = Pattern.compile(
            "^/system-property=([\\w.-]+):add\\(value=\"\\$\\{env\\.(\\w+):(.*)}\"\\)$", Pattern.MULTILINE);

    private record Added(String environmentVariable, String fallback) {}

    private final Map<String, Added> added;

    private SystemPropertiesScript(Map<String, Added> added) {
        this.added = added;
    }

    /** The script as it is in this tree (the tests run in a module's folder, next to wildfly-config). */
    public static SystemPropertiesScript read() throws IOException {
        SystemPropertiesScript script = read(CLI);
        assertThat(script.added)
                .as("properties read from " + CLI.toAbsolutePath())
                .hasSizeGreaterThan(20);
        return script;
    }

    /** Another script of wildfly-config's that sets system properties the same way (configure-directory.cli). */
    public static SystemPropertiesScript read(String name) throws IOException {
        SystemPropertiesScript script = read(SCRIPTS.resolve(name));
        assertThat(script.added).as("properties read from " + name).isNotEmpty();
        return script;
    }

    private static SystemPropertiesScript read(Path cli) throws IOException {
        Map<String, Added> added = new LinkedHashMap<>();
        Matcher matcher = ADD.matcher(Files.readString(cli));
        while (matcher.find()) {
            added.put(matcher.group(1), new Added(matcher.group(2), matcher.group(3)));
        }
        return new SystemPropertiesScript(added);
    }

    /**
     * Fails unless the script sets every one of {@code settings} from the environment variable its name gives, with
     * its default (a required setting has none to compare).
     */
    public void assertSets(Setting... settings) {
        for (Setting setting : settings) {
            assertThat(added).as(setting.property() + " in the script").containsKey(setting.property());
            Added property = added.get(setting.property());
            assertThat(property.environmentVariable())
                    .as(setting.property() + "'s environment variable")
                    .isEqualTo(setting.environmentVariable());
            if (setting.fallback() != null) {
                assertThat(property.fallback())
                        .as(setting.property() + "'s default")
                        .isEqualTo(setting.fallback());
            }
        }
    }

    /** Fails unless remove-system-properties.cli removes every property the script adds. */
    public void assertUndone() throws IOException {
        String undo = Files.readString(UNDO);
        assertThat(added.keySet()).allSatisfy(name -> assertThat(undo)
                .as(name + " removed by " + UNDO.getFileName())
                .contains("/system-property=" + name + ":remove"));
    }

    /**
     * Fails unless the README's table of settings has a row for every property the script adds, with its environment
     * variable and default ("(empty)" for none), and no row for a property it does not add.
     */
    public void assertTabledInReadme() throws IOException {
        Map<String, Added> tabled = new LinkedHashMap<>();
        Matcher matcher = ROW.matcher(Files.readString(README));
        while (matcher.find()) {
            String fallback = matcher.group(3).equals("(empty)") ? "" : matcher.group(3);
            tabled.put(matcher.group(2), new Added(matcher.group(1), fallback));
        }
        added.forEach((name, property) ->
                assertThat(tabled.get(name)).as(name + " in the README's table").isEqualTo(property));
        assertThat(added.keySet()).as("the settings of the README's table").containsAll(tabled.keySet());
    }

    /** Fails unless every property of the script that {@code owned} accepts is one of {@code settings}. */
    public void assertOwnedAreAmong(Predicate<String> owned, Setting... settings) {
        Set<String> properties = Arrays.stream(settings).map(Setting::property).collect(Collectors.toSet());
        assertThat(added.keySet().stream().filter(owned))
                .allSatisfy(name -> assertThat(properties).as("settings").contains(name));
    }
}
