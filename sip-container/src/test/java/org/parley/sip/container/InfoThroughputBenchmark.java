package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Loopback TCP throughput: each client connection runs one dialog and repeats INFO -> 200, then
 * answers the server's INFO with 200 (two transactions per round). Excluded from the build; run with
 * {@code mvn -pl sip-container test -Dsip.test.excludedGroups= -Dgroups=benchmark -Dtest=InfoThroughputBenchmark}
 * (-Dbench.clients=8 -Dbench.rounds=2000 to change the load).
 */
@Tag("benchmark")
class InfoThroughputBenchmark {

    @Test
    void infoRoundTrips() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        int rounds = Integer.getInteger("bench.rounds", 2000);
        Logger.getLogger("org.parley.sip").setLevel(Level.WARNING);
        Path dir = Files.createTempDirectory("sip-bench");
        ExecutorService load = Executors.newFixedThreadPool(clients);
        try (Loopback server = new Loopback(dir, b -> b.tlsPort(0))) {
            runRounds(server, load, clients, 200);
            long start = System.nanoTime();
            runRounds(server, load, clients, rounds);
            double seconds = (System.nanoTime() - start) / 1e9;
            long transactions = 2L * clients * rounds;
            System.out.printf(
                    "INFO benchmark: %d clients x %d rounds = %d transactions in %.2f s = %.0f transactions/s%n",
                    clients, rounds, transactions, seconds, transactions / seconds);
        } finally {
            load.shutdownNow();
        }
    }

    private static void runRounds(Loopback server, ExecutorService load, int clients, int rounds) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(load.submit(() -> {
                try (RawSip sip = server.client("TCP")) {
                    ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
                    dialog.establish();
                    for (int i = 0; i < rounds; i++) {
                        assertThat(dialog.call("INFO", "echo " + i).status()).isEqualTo(200);
                        dialog.answerRequest("INFO");
                    }
                    dialog.call("BYE", null);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        server.servlet.sent.clear();
        server.servlet.infos.clear();
    }
}
