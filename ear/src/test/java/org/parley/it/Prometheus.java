package org.parley.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by test-peers.sh) scraping one target every second, for
 * as long as the test keeps it: started in a directory of its own on a free loopback port, asked through its HTTP
 * API, stopped on {@link #close()}.
 */
final class Prometheus implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final Path log;

    private Prometheus(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * @param target host:port whose {@code /metrics} is scraped, as job "parley"
     * @param rules  an alerting rules file evaluated every second
     */
    static Prometheus scraping(String target, Path rules, Path directory) throws Exception {
        Files.createDirectories(directory);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                  - job_name: parley
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(rules.toAbsolutePath(), target));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder(
                        "prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + directory.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Prometheus prometheus = new Prometheus(process, "http://127.0.0.1:" + port, log);
        try {
            Eventually.await(Duration.ofSeconds(30), prometheus::ready, Boolean::booleanValue);
        } catch (AssertionError notReady) {
            prometheus.close();
            throw new AssertionError("Prometheus did not start; its log: " + Files.readString(log), notReady);
        }
        return prometheus;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue());
        }
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/-/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The value of an instant query that yields one series; empty when it yields none. */
    OptionalDouble value(String promql) {
        JsonArray result = query(promql);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new IllegalStateException(promql + " yields " + result.size() + " series: " + result);
        }
        return OptionalDouble.of(
                Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }

    /** An instant query's result vector. */
    JsonArray query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .getJsonArray("result");
    }

    /** The alerting rules loaded, each with its query ({@code query}) and evaluation state ({@code health}). */
    JsonArray rules() {
        JsonArray groups = get("/api/v1/rules").getJsonArray("groups");
        return groups.stream()
                .flatMap(g -> g.asJsonObject().getJsonArray("rules").stream())
                .collect(Json::createArrayBuilder, (array, rule) -> array.add(rule), (a, b) -> a.addAll(b))
                .build();
    }

    /** The data of an API answer. */
    private JsonObject get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject body = reader.readObject();
                if (!"success".equals(body.getString("status"))) {
                    throw new IllegalStateException(path + ": " + body);
                }
                return body.getJsonObject("data");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus not answering: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    Path log() {
        return log;
    }
}
