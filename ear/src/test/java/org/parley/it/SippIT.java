package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A SIP peer nobody here wrote: sipp (Debian package sip-tester) runs src/test/resources/sipp/chat-session.xml
 * (INVITE, ACK, INFO cmd:requri, the plain 200, the server's INFO with rpl:requri answered 200, BYE)
 * against the deployed EAR. Its message trace, error log and statistics stay in target/sipp/<transport>.
 */
@ExtendWith(ArquillianExtension.class)
class SippIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    @RunAsClient
    void chatSessionOverTcp() throws Exception {
        runScenario("t1");
    }

    @Test
    @RunAsClient
    void chatSessionOverUdp() throws Exception {
        runScenario("u1");
    }

    /** @param mode sipp's transport mode: t1 one TCP connection, u1 one UDP socket */
    private static void runScenario(String mode) throws Exception {
        Optional<Path> sipp = onPath("sipp");
        assumeTrue(sipp.isPresent(), "sipp is not installed (Debian: apt-get install sip-tester)");
        Path work = Files.createDirectories(Path.of("target", "sipp", mode).toAbsolutePath());
        Path scenario = work.resolve("chat-session.xml");
        try (InputStream in = SippIT.class.getResourceAsStream("/sipp/chat-session.xml")) {
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        Path messages = work.resolve("messages.log");
        Path errors = work.resolve("errors.log");
        Path stats = work.resolve("stats.csv");
        Path output = work.resolve("sipp.out");
        for (Path old : List.of(messages, errors, stats)) {
            Files.deleteIfExists(old);
        }
        List<String> command = List.of(
                sipp.get().toString(),
                "127.0.0.1:" + SipServer.port(),
                "-sf",
                scenario.toString(),
                "-t",
                mode,
                "-i",
                "127.0.0.1",
                "-m",
                "1",
                "-s",
                "ocschat",
                "-key",
                "domain",
                SipServer.DOMAIN,
                // sipp's own bound (it stops and fails) below ours (the process is killed).
                "-timeout",
                "30s",
                "-timeout_error",
                "-nostdin",
                "-trace_msg",
                "-message_file",
                messages.toString(),
                "-trace_err",
                "-error_file",
                errors.toString(),
                "-trace_stat",
                "-stf",
                stats.toString());
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String report = "sipp " + String.join(" ", command) + "\n--- errors\n" + read(errors) + "\n--- messages\n"
                + read(messages);
        assertThat(finished).as("sipp did not finish within 60 s\n" + report).isTrue();
        assertThat(process.exitValue()).as(report).isEqualTo(0);
        assertThat(successfulCalls(stats)).as(report).isEqualTo(1);
    }

    /** The cumulative SuccessfulCall(C) column of sipp's last statistics line. */
    private static long successfulCalls(Path stats) throws IOException {
        List<String> lines = Files.readAllLines(stats, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank())
                .toList();
        List<String> columns = Arrays.asList(lines.get(0).split(";"));
        int column = columns.indexOf("SuccessfulCall(C)");
        if (column < 0 || lines.size() < 2) {
            throw new AssertionError("no SuccessfulCall(C) in " + stats + ":\n" + String.join("\n", lines));
        }
        return Long.parseLong(lines.get(lines.size() - 1).split(";")[column].trim());
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "(none)";
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(
                        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
