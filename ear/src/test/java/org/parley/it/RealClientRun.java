package org.parley.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real client (../shared/realclient/run.sh: two pidgin-sipe clients sign in, join a room, chat,
 * leave and sign out) against a SIP address, for {@link RealClientIT} (one server) and {@link PoolIT} (through the
 * pool's front end).
 */
final class RealClientRun {

    static final String ROOM = "Dev Room";

    private RealClientRun() {}

    static File client() {
        return new File(System.getenv().getOrDefault("PARLEY_REALCLIENT_BIN", "target/realclient/sipe-headless"));
    }

    static File script() {
        return new File(System.getenv().getOrDefault("PARLEY_REALCLIENT_DIR", "../shared/realclient"), "run.sh");
    }

    static boolean built() {
        return client().canExecute() && script().isFile();
    }

    /**
     * Runs the clients to the end (run.sh bounds itself at about 2 x 40 s + 30 s; 240 s is the backstop).
     *
     * @param name  the run's folder under target/ (its log and each client's SIP messages)
     * @param more  further settings of run.sh (USER_B, TRUST_CERT ...)
     * @return what run.sh printed; {@code RESULT PASS} in it when every step passed
     */
    static Result run(String name, String host, int port, String transport, Map<String, String> more)
            throws IOException, InterruptedException {
        Path out = Path.of(System.getenv().getOrDefault("PARLEY_REALCLIENT_OUT", "target/realclient-run"))
                .resolveSibling(name);
        Files.createDirectories(out);
        Path log = out.resolve("run.log");
        ProcessBuilder run = new ProcessBuilder("bash", script().getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        run.environment().put("CLIENT", client().getAbsolutePath());
        run.environment().put("OUT", out.resolve("artifacts").toString());
        run.environment().put("HOST", host);
        run.environment().put("PORT", Integer.toString(port));
        run.environment().put("TRANSPORT", transport);
        run.environment().put("AUTH", "ntlm");
        run.environment().put("ROOM_NAME", ROOM);
        run.environment().put("TIMEOUT", "40");
        run.environment().putAll(more);
        Process process = run.start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Result(
                finished,
                finished ? process.exitValue() : -1,
                Files.readString(log, StandardCharsets.UTF_8),
                out.resolve("artifacts"));
    }

    record Result(boolean finished, int exitValue, String output, Path artifacts) {

        boolean passed() {
            return finished && exitValue == 0 && output.contains("RESULT PASS");
        }
    }
}
