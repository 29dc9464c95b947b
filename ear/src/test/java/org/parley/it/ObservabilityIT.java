package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.parley.it.XccosTestClient.chanid;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's monitoring sees, from outside, on the management interface: WildFly's health endpoints with
 * Parley's checks, and Parley's metrics as a real Prometheus scrapes them. The test does chat, a refused post and a
 * file's round trip, and asserts that the scraped counters moved by exactly that; and that the dashboard in the
 * repository names only metrics Parley exports.
 */
@ExtendWith(ArquillianExtension.class)
class ObservabilityIT {

    private static final String MANAGEMENT = "http://127.0.0.1:9990";
    private static final Duration SCRAPED = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    /** Metric names in a PromQL expression: Parley's own and the server's subsystems' (WildFly's names). */
    private static final Pattern METRIC_IN_EXPRESSION = Pattern.compile(
            "\\b((?:parley|jvm|memory|gc|thread|cpu|classloader|undertow|datasources|ejb3|ee)_[a-z0-9_]+)");

    private static final Path DASHBOARD = Path.of("..", "docs", "monitoring", "parley-dashboard.json");
    private static final Path ALERTS = Path.of("..", "docs", "monitoring", "parley-alerts.yml");

    private static Prometheus prometheus;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @BeforeAll
    static void startPrometheus() throws Exception {
        prometheus =
                Prometheus.scraping("127.0.0.1:9990", ALERTS, Path.of("target", "prometheus-" + UUID.randomUUID()));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @RunAsClient
    void healthAnswersWithParleysChecksAllUp() throws Exception {
        JsonObject ready = health("/health/ready", 200);
        assertThat(ready.getString("status")).isEqualTo("UP");
        Map<String, String> checks = checks(ready);
        for (String check : new String[] {
            "parley-chat-store", "parley-compliance", "parley-messaging", "parley-file-store", "parley-client-endpoints"
        }) {
            assertThat(checks.get(check)).as(check + " in " + ready).isEqualTo("UP");
        }
        assertThat(checks.get("deployments-status"))
                .as("WildFly's own checks stay: " + ready)
                .isEqualTo("UP");

        Map<String, String> live = checks(health("/health/live", 200));
        assertThat(live.get("parley-threads")).as(live.toString()).isEqualTo("UP");
        assertThat(live).as("a store down is not a reason to restart: " + live).doesNotContainKey("parley-chat-store");

        Map<String, String> started = checks(health("/health/started", 200));
        assertThat(started.get("parley-client-endpoints"))
                .as(started.toString())
                .isEqualTo("UP");
        String listeners = health("/health/started", 200).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("parley-client-endpoints"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data")
                .toString();
        assertThat(listeners).as(listeners).contains("\"sip-tcp\":\"listening on " + SipServer.port() + "\"");
        assertThat(listeners).as(listeners).contains("sip-tls");
    }

    @Test
    @RunAsClient
    void prometheusScrapesExactlyWhatChatAndFilesDid() throws Exception {
        Eventually.await(
                SCRAPED, () -> prometheus.value("up{job=\"parley\"}"), up -> up.isPresent() && up.getAsDouble() == 1.0);
        JsonObject created = alice.createRoom("""
                {"name": "Observed %s", "privacy": "OPEN"}""".formatted(run));
        String room = created.getString("uri");
        String roomId = created.getString("id");

        Map<String, Double> before = scrapeParley();
        try (XccosTestClient ann = XccosTestClient.signIn("sip:ann-" + run + "@contoso.com");
                XccosTestClient ben = XccosTestClient.signIn("sip:ben-" + run + "@contoso.com");
                XccosTestClient outsider = XccosTestClient.signIn("sip:cy-" + run + "@contoso.com")) {
            ann.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            ben.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            ann.await("/xccos/ntc[@id='ntc:join']");
            for (int i = 1; i <= 3; i++) {
                assertThat(ann.post(room, "observed " + i).status()).isEqualTo(200);
            }
            for (XccosTestClient member : new XccosTestClient[] {ann, ben}) {
                for (int i = 1; i <= 3; i++) {
                    member.await("/xccos/grpchat");
                }
            }
            assertThat(outsider.post(room, "not joined").status())
                    .as("a post from outside the room")
                    .isNotEqualTo(200);

            // Three posts to two sessions; one refused as forbidden (join first); each answered and timed.
            expectMoved(before, "parley_posts_total{outcome=\"accepted\",reason=\"none\"}", 3);
            expectMoved(before, "parley_posts_total{outcome=\"refused\",reason=\"forbidden\"}", 1);
            expectMoved(before, "parley_post_response_seconds_count", 4);
            expectMoved(before, "parley_deliveries_total", 6);
            expectMoved(before, "parley_post_delivery_seconds_count", 6);
            expectMoved(before, "parley_deliveries_failed_total{reason=\"ended\"}", 0);
            // The busiest rooms are ranked every 10 s; this one has the test's two sessions.
            Eventually.await(
                    SCRAPED,
                    () -> prometheus.value("parley_room_sessions{room=\"" + room + "\"}"),
                    v -> v.isPresent() && v.getAsDouble() == 2.0);
            Eventually.await(
                    SCRAPED,
                    () -> prometheus.value("parley_chat_dialogs"),
                    v -> v.isPresent() && v.getAsDouble() >= 3.0);

            // A file's round trip over HTTP: one upload, its announcement posted to both sessions, one download.
            byte[] content = ("observed file " + run + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
            Map<String, Double> beforeFile = scrapeParley();
            HttpResponse<String> uploaded = HTTP.send(
                    request("/rooms/" + roomId + "/files/observed.txt")
                            .header("Content-Type", "text/plain")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String location = uploaded.headers().firstValue("Location").orElseThrow();
            HttpResponse<byte[]> downloaded = HTTP.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .header("Authorization", basic("alice", "secret"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body().length).isEqualTo(content.length);
            ann.await("/xccos/grpchat");
            ben.await("/xccos/grpchat");
            expectMoved(beforeFile, "parley_files_uploaded_total", 1);
            expectMoved(beforeFile, "parley_files_downloaded_total", 1);
            expectMoved(beforeFile, "parley_file_bytes_total{direction=\"upload\"}", content.length);
            expectMoved(beforeFile, "parley_file_bytes_total{direction=\"download\"}", content.length);
            expectMoved(beforeFile, "parley_deliveries_total", 2);
            expectMoved(beforeFile, "parley_posts_total{outcome=\"accepted\",reason=\"none\"}", 0);
        }
    }

    @Test
    @RunAsClient
    void theAccessLogHasALinePerRequestAndNoSecret() throws Exception {
        Path accessLog = Path.of(System.getProperty("parley.test.server.base"), "log", "parley-access.log");
        String token = UUID.randomUUID().toString();
        String marker = "access-" + run;
        assertThat(alice.get("/rooms?name=" + marker).statusCode()).isEqualTo(200);
        HttpResponse<String> tokenUpload = HTTP.send(
                HttpRequest.newBuilder(URI.create(WebApiClient.BASE + "/filetokens/" + token + "?accessToken=" + token))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokenUpload.statusCode() >= 400)
                .as("an unknown token is refused: " + tokenUpload.statusCode())
                .isTrue();

        String written = Eventually.await(
                SCRAPED,
                () -> read(accessLog),
                text -> text.contains("/filetokens/[token]?accessToken=[redacted]\" " + tokenUpload.statusCode()));
        assertThat(written).as(written).contains(" alice \"GET /parley/api/v1/rooms?name=" + marker + "\" 200 ");
        assertThat(written).as("no web user: " + written).contains(" - \"PUT /parley/api/v1/filetokens/[token]");
        assertThat(written)
                .as("the file token is a credential: it is never written")
                .doesNotContain(token);
        assertThat(written).as("no header is written").doesNotContain("Basic ");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @RunAsClient
    void theDashboardNamesOnlyMetricsParleyExports() throws Exception {
        // The busiest rooms' gauge has series only while a room has sessions: one is held open meanwhile.
        JsonObject created = alice.createRoom("""
                {"name": "Dashboard %s", "privacy": "OPEN"}""".formatted(run));
        try (XccosTestClient dee = XccosTestClient.signIn("sip:dee-" + run + "@contoso.com")) {
            dee.command("cmd:join", "<data>" + chanid(created.getString("uri"), 0) + "</data>");
            Eventually.await(SCRAPED, ObservabilityIT::metricsText, text -> text.contains("parley_room_sessions{"));
            assertDashboardNamesOnlyExportedMetrics();
        }
    }

    private static void assertDashboardNamesOnlyExportedMetrics() throws Exception {
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(DASHBOARD)))) {
            document = reader.readObject();
        }
        Set<String> named = new TreeSet<>();
        int expressions = 0;
        for (JsonValue panel : document.getJsonArray("panels")) {
            if (!panel.asJsonObject().containsKey("targets")) {
                continue;
            }
            for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                Matcher metric =
                        METRIC_IN_EXPRESSION.matcher(target.asJsonObject().getString("expr"));
                expressions++;
                while (metric.find()) {
                    named.add(metric.group(1));
                }
            }
        }
        assertThat(expressions >= 15)
                .as("a dashboard of traffic, latency, errors, saturation and compliance: " + expressions
                        + " expressions")
                .isTrue();
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exportedNames());
        assertThat(missing)
                .as("the dashboard names metrics nobody exports: " + missing)
                .isEmpty();
        assertThat(named.stream().filter(n -> n.startsWith("parley_")).count() >= 15)
                .as(named.toString())
                .isTrue();
    }

    @Test
    @RunAsClient
    void theAlertRulesAreValidEvaluateAndNameOnlyExportedMetrics() throws Exception {
        Process check = new ProcessBuilder("promtool", "check", "rules", ALERTS.toString())
                .redirectErrorStream(true)
                .start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS))
                .as("promtool did not finish")
                .isTrue();
        assertThat(check.exitValue()).as(checked).isEqualTo(0);

        // Loaded by the test's Prometheus, every rule is evaluated without error against the real series.
        JsonArray rules = Eventually.await(
                SCRAPED,
                prometheus::rules,
                loaded -> !loaded.isEmpty()
                        && loaded.stream()
                                .allMatch(r -> "ok".equals(r.asJsonObject().getString("health", ""))));
        assertThat(rules.size() >= 8).as(rules.toString()).isTrue();
        Set<String> named = new TreeSet<>();
        for (JsonValue rule : rules) {
            Matcher metric = METRIC_IN_EXPRESSION.matcher(rule.asJsonObject().getString("query"));
            while (metric.find()) {
                named.add(metric.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exportedNames());
        assertThat(missing)
                .as("the alerts name metrics nobody exports: " + missing)
                .isEmpty();
    }

    /** Waits until Prometheus has scraped the series at exactly {@code before + delta}; more is a failure too. */
    private static void expectMoved(Map<String, Double> before, String series, double delta) throws Exception {
        double expected = before.getOrDefault(series, 0.0) + delta;
        OptionalDouble seen = Eventually.await(
                SCRAPED, () -> prometheus.value(series), v -> v.isPresent() && v.getAsDouble() >= expected);
        assertThat(seen.getAsDouble()).as(series + " moved by " + delta).isCloseTo(expected, within(0.0));
    }

    /** The metric names the node exports now (every sample's name). */
    private static Set<String> exportedNames() {
        Set<String> exported = new LinkedHashSet<>();
        for (String line : metricsText().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                exported.add(sample.group(1));
            }
        }
        return exported;
    }

    /** Parley's series straight from the node (the truth the scrape must match), by name and labels. */
    private static Map<String, Double> scrapeParley() throws Exception {
        Map<String, Double> values = new HashMap<>();
        for (String line : metricsText().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("parley_") && sample.find()) {
                values.put(
                        sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return values;
    }

    private static String metricsText() {
        try {
            return fetchMetrics();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fetchMetrics() throws Exception {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create(MANAGEMENT + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }

    private static JsonObject health(String path, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(MANAGEMENT + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Map<String, String> checks(JsonObject health) {
        Map<String, String> checks = new HashMap<>();
        health.getJsonArray("checks")
                .forEach(c -> checks.put(
                        c.asJsonObject().getString("name"), c.asJsonObject().getString("status")));
        return checks;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(WebApiClient.BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic("alice", "secret"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
