package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * The web services as one user sees them: HTTP BASIC with a development identity of
 * configure-security.cli, JSON in and out. Usable on the client side and in the container.
 */
final class WebApiClient {

    static final String BASE = "http://127.0.0.1:8080/parley/api/v1";
    static final String PROBLEM = "application/problem+json";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;

    private WebApiClient(String authorization) {
        this.authorization = authorization;
    }

    static WebApiClient as(String user, String password) {
        return new WebApiClient("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static WebApiClient anonymous() {
        return new WebApiClient(null);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json, String... headers) throws Exception {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path) throws Exception {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path, String... headers) throws Exception {
        return send(request(path, headers).DELETE());
    }

    /** Creates a room from its JSON (POST /rooms); returns the room as created, or fails saying why not. */
    JsonObject createRoom(String json) throws Exception {
        return created("/rooms", json);
    }

    /** Posts a message to a room (POST /rooms/{id}/messages); returns the post as stored. */
    JsonObject postMessage(String roomId, String text) throws Exception {
        return created(
                "/rooms/" + roomId + "/messages",
                Json.createObjectBuilder().add("text", text).build().toString());
    }

    private JsonObject created(String path, String json) throws Exception {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() != 201) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return object(response);
    }

    /** Every item of a paged list, page after page of 100 (the path has no page or size of its own). */
    JsonArray all(String path) throws Exception {
        jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = get(path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonObject body = object(response);
            JsonArray pageItems = body.getJsonArray("items");
            pageItems.forEach(items::add);
            if (pageItems.isEmpty() || (page + 1) * 100 >= body.getInt("totalItems")) {
                return items.build();
            }
        }
    }

    /** A principal or URI as one path segment. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** A refusal of the API: the status, as an RFC 9457 problem (every refusal of the API is one). */
    static void assertProblem(HttpResponse<?> response, int status) {
        assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(String.valueOf(response.body()))
                .isEqualTo(PROBLEM);
    }

    /** As {@link #assertProblem(HttpResponse, int)}, of the given type, which the body names with the status. */
    static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertProblem(response, status);
        JsonObject problem = object(response);
        assertThat(problem.getString("type")).as(problem.toString()).isEqualTo(type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        return problem;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
