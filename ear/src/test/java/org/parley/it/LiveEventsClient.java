package org.parley.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A web client's end of the live events (GET /chat/events), as a browser's fetch reads it: the stream is read on a
 * thread of its own into a queue, and the test waits for each event with a bound. Closing it cuts the connection,
 * as a network blip or a closed tab would.
 */
final class LiveEventsClient implements AutoCloseable {

    /** One server-sent event; {@code data} parsed as the JSON it always is. */
    record Event(String id, String name, JsonObject data) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Event END = new Event(null, "end of stream", null);

    final int status;
    final String body;
    private final InputStream stream;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private LiveEventsClient(int status, String body, InputStream stream) {
        this.status = status;
        this.body = body;
        this.stream = stream;
    }

    /** Opens the stream; a refusal is read whole ({@link #body}) and nothing is streamed. */
    static LiveEventsClient open(String user, String password, String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebApiClient.BASE + "/chat/events?" + query))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<InputStream> response =
                HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream refused = response.body()) {
                return new LiveEventsClient(
                        response.statusCode(), new String(refused.readAllBytes(), StandardCharsets.UTF_8), null);
            }
        }
        LiveEventsClient client = new LiveEventsClient(200, null, response.body());
        Thread reader = new Thread(client::read, "live events of " + user);
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    /**
     * The next event about the rooms' content (a post, a room's change, a room closed), waiting at most
     * {@code seconds}; the session's own event and who enters and leaves are passed over (see {@link #nextAny}).
     */
    Event next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Event event = nextAny((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            if (!Set.of("session", "entered", "left").contains(event.name())) {
                return event;
            }
        }
    }

    /** The next event of any kind, waiting at most {@code seconds}; comments (heartbeats) are not events. */
    Event nextAny(int seconds) throws InterruptedException {
        Event event = events.poll(seconds, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + seconds + " s");
        }
        if (event == END) {
            throw new AssertionError("the stream ended");
        }
        return event;
    }

    /** Nothing arrives within {@code millis}: for what must not come (a bounded wait, not a sleep for an event). */
    Event poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(
                                id,
                                name,
                                Json.createReader(new StringReader(data.toString()))
                                        .readObject()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException ended) {
            // Closed by the test, or by the server.
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
