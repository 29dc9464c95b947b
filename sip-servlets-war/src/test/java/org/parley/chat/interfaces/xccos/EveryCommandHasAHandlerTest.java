package org.parley.chat.interfaces.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parley.xccos.Command;

/**
 * Every command the codec parses (each record of the sealed {@link Command}, but {@link Command.Unknown}) has its
 * handler among the chat endpoint's classes, so no command a client may send meets "not implemented". The
 * handlers are found as the dispatcher finds them, by the command type they name, here by reading the compiled
 * classes rather than through CDI.
 */
class EveryCommandHasAHandlerTest {

    @Test
    void everyCommandTheCodecParsesHasAHandler() throws Exception {
        Set<Class<?>> parsed = Arrays.stream(Command.class.getPermittedSubclasses())
                .filter(type -> type != Command.Unknown.class)
                .collect(Collectors.toSet());
        assertThat(parsed).as("the codec's commands").hasSizeGreaterThan(10);

        Set<Class<?>> handled = new HashSet<>();
        for (Class<?> type : classesUnder("org/parley/chat/interfaces")) {
            if (CommandHandler.class.isAssignableFrom(type) && !type.isInterface()) {
                CommandHandler<?> handler =
                        (CommandHandler<?>) type.getDeclaredConstructor().newInstance();
                assertThat(handled.add(handler.commandType()))
                        .as("one handler for " + handler.commandType())
                        .isTrue();
            }
        }
        assertThat(handled).containsExactlyInAnyOrderElementsOf(parsed);
    }

    private static Set<Class<?>> classesUnder(String folder) throws IOException, URISyntaxException {
        // The main classes' folder (the test classes share the packages, and would be found first by name).
        Path base = Path.of(CommandHandler.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path root = base.resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            Set<Class<?>> types = new HashSet<>();
            for (Path file : files.filter(f ->
                            f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = base.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    types.add(Class.forName(name, false, EveryCommandHasAHandlerTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    throw new AssertionError("cannot load " + name, notLoadable);
                }
            }
            return types;
        }
    }
}
