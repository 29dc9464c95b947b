package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.WebApiClient.object;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.w3c.dom.Document;

/**
 * Files in rooms over HTTP: upload (PUT and multipart), list, download whole and by range, the limits and
 * who may do what. The test run limits files to 1 MB (PARLEY_CHAT_MAX_FILE_SIZE_BYTES in ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class FilesIT {

    private static final long LIMIT = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");

    @EJB
    private HistoryService history;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(FilesIT.class, WebApiClient.class);
    }

    /** In the container, to read the room's history through the chat service; the upload is still HTTP. */
    @Test
    void announcesAnUploadInTheRoom() throws Exception {
        String room = room("OPEN");
        HttpResponse<String> created = send(put("bob", "/rooms/" + room + "/files/notes.txt", "text/plain",
                HttpRequest.BodyPublishers.ofString("notes")));
        assertEquals(201, created.statusCode(), created.body());
        MessageView announcement = history.last("sip:alice@contoso.com", object(created).getString("roomUri"), 1)
                .get(0);
        assertEquals("sip:bob@contoso.com", announcement.author());
        assertEquals("[file] notes.txt (5 bytes) " + created.headers().firstValue("Location").orElseThrow(),
                announcement.text());
    }

    /**
     * In the container, where the SIP test client runs. A client in the room gets the announcement of a file
     * uploaded over HTTP live, as a grpchat from the uploader, and in the room's order: between a post made
     * before the upload and one made right after it (which must not overtake the announcement on its way
     * over the room events topic).
     */
    @Test
    void aClientInTheRoomGetsTheAnnouncementLiveInOrder() throws Exception {
        String room = room("OPEN");
        String roomUri = object(alice.get("/rooms/" + room)).getString("uri");
        try (XccosTestClient watcher = XccosTestClient.signIn("sip:watcher-" + run + "@contoso.com")) {
            Document join = watcher.command("cmd:join", "<data>" + XccosTestClient.chanid(roomUri, 0) + "</data>");
            assertEquals("200", XccosTestClient.text(join, "//resp/@code"));

            assertEquals(200, watcher.post(roomUri, "before").status());
            HttpResponse<String> created = send(put("bob", "/rooms/" + room + "/files/live.txt", "text/plain",
                    HttpRequest.BodyPublishers.ofString("live")));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(200, watcher.post(roomUri, "after").status());

            String announcement = "[file] live.txt (4 bytes) " + created.headers().firstValue("Location").orElseThrow();
            List<String> authors = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Document chat = watcher.await("/xccos/grpchat");
                authors.add(XccosTestClient.text(chat, "/xccos/grpchat/@author"));
                texts.add(XccosTestClient.text(chat, "/xccos/grpchat/chat"));
                assertEquals(roomUri, XccosTestClient.text(chat, "/xccos/grpchat/@chanUri"));
            }
            assertEquals(List.of("before", announcement, "after"), texts);
            assertEquals(List.of(watcher.user, "sip:bob@contoso.com", watcher.user), authors);
        }
    }

    @Test
    @RunAsClient
    void uploadsAFileAndDownloadsItWholeAndByRange() throws Exception {
        String room = room("OPEN");
        byte[] content = "Übersicht: the quarterly numbers\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = send(put("alice", "/rooms/" + room + "/files/"
                + WebApiClient.segment("Q3 Übersicht.txt"), "text/plain; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(content)));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject file = object(created);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals(WebApiClient.BASE + "/files/" + file.getJsonNumber("id").longValue(), location);
        assertEquals("Q3 Übersicht.txt", file.getString("fileName"));
        assertEquals(content.length, file.getJsonNumber("sizeBytes").longValue());
        assertEquals(sha256(content), file.getString("sha256"));
        assertEquals(room, file.getString("roomId"));
        assertEquals("sip:alice@contoso.com", file.getString("uploader"));

        HttpResponse<byte[]> whole = HTTP.send(get("bob", location).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(content, whole.body());
        assertEquals("text/plain;charset=UTF-8", whole.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals(String.valueOf(content.length), whole.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("\"" + sha256(content) + "\"", whole.headers().firstValue("ETag").orElseThrow());
        assertEquals("attachment; filename=\"Q3 _bersicht.txt\"; filename*=UTF-8''Q3%20%C3%9Cbersicht.txt",
                whole.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());

        HttpResponse<byte[]> part = HTTP.send(get("bob", location).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 10-19/" + content.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("10", part.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 10, 20), part.body());

        HttpResponse<byte[]> tail = HTTP.send(get("bob", location).header("Range", "bytes=-5").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, tail.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(content, content.length - 5, content.length), tail.body());

        HttpResponse<byte[]> beyond = HTTP.send(get("bob", location).header("Range", "bytes=" + content.length + "-")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + content.length, beyond.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<String> list = bob.get("/rooms/" + room + "/files");
        assertEquals(200, list.statusCode(), list.body());
        JsonObject page = object(list);
        assertEquals(1, page.getInt("totalItems"));
        assertEquals(file, page.getJsonArray("items").getJsonObject(0));
    }

    @Test
    @RunAsClient
    void takesAMultipartUploadAndKeepsOnlyTheLastSegmentOfItsName() throws Exception {
        String room = room("OPEN");
        String boundary = "parley-" + run;
        byte[] body = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "root:x:0:0\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = send(request("alice", WebApiClient.BASE + "/rooms/" + room + "/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject file = object(created);
        assertEquals("passwd", file.getString("fileName"));
        assertEquals(sha256("root:x:0:0".getBytes(StandardCharsets.UTF_8)), file.getString("sha256"));

        HttpResponse<String> traversal = send(put("alice", "/rooms/" + room + "/files/..%2F..%2Fetc%2Fpasswd",
                "application/octet-stream", HttpRequest.BodyPublishers.ofString("x")));
        assertTrue(traversal.statusCode() == 201 || traversal.statusCode() == 400 || traversal.statusCode() == 404,
                traversal.statusCode() + " " + traversal.body());
        if (traversal.statusCode() == 201) {
            assertEquals("passwd", object(traversal).getString("fileName"));
        }
    }

    @Test
    @RunAsClient
    void refusesFilesOverTheLimit() throws Exception {
        String room = room("OPEN");
        HttpResponse<String> declared = send(put("alice", "/rooms/" + room + "/files/big.bin",
                "application/octet-stream", HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT + 1)), LIMIT + 1))
                .expectContinue(true));
        assertProblem(declared, 413);

        HttpResponse<String> streamed = send(put("alice", "/rooms/" + room + "/files/chunked.bin",
                "application/octet-stream", HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT + 1000))));
        assertProblem(streamed, 413);

        HttpResponse<String> justFits = send(put("alice", "/rooms/" + room + "/files/fits.bin",
                "application/octet-stream", HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT)), LIMIT)));
        assertEquals(201, justFits.statusCode(), justFits.body());
        assertEquals(1, object(alice.get("/rooms/" + room + "/files")).getInt("totalItems"),
                "the refused file is not listed");
    }

    @Test
    @RunAsClient
    void onlyMembersSeeTheFilesOfASecretRoomAndCategoriesMayForbidFiles() throws Exception {
        String secret = room("SECRET");
        HttpResponse<String> created = send(put("alice", "/rooms/" + secret + "/files/plan.txt", "text/plain",
                HttpRequest.BodyPublishers.ofString("the plan")));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();

        assertProblem(bob.get(location), 404);
        assertProblem(bob.get("/rooms/" + secret + "/files"), 404);
        assertProblem(send(put("bob", "/rooms/" + secret + "/files/x.txt", "text/plain",
                HttpRequest.BodyPublishers.ofString("x"))), 404);
        assertEquals(401, WebApiClient.anonymous().get(location).statusCode());

        String closed = room("CLOSED");
        assertProblem(send(put("bob", "/rooms/" + closed + "/files/x.txt", "text/plain",
                HttpRequest.BodyPublishers.ofString("x"))), 403);

        HttpResponse<String> category = WebApiClient.as("admin", "parley-admin").post("/categories", """
                {"name": "No files %s", "allowedMembers": ["domain:contoso.com"],
                 "creators": ["sip:alice@contoso.com"], "fileUploadAllowed": false}""".formatted(run));
        assertEquals(201, category.statusCode(), category.body());
        HttpResponse<String> room = alice.post("/rooms", """
                {"name": "No files %s", "privacy": "OPEN", "categoryUri": "%s"}"""
                .formatted(run, object(category).getString("uri")));
        assertEquals(201, room.statusCode(), room.body());
        assertProblem(send(put("alice", "/rooms/" + object(room).getString("id") + "/files/x.txt", "text/plain",
                HttpRequest.BodyPublishers.ofString("x"))), 403);
    }

    private String room(String privacy) throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Files %s %s", "privacy": "%s"}""".formatted(privacy, run, privacy));
        assertEquals(201, created.statusCode(), created.body());
        return object(created).getString("id");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    private static HttpRequest.Builder put(String user, String path, String type, HttpRequest.BodyPublisher body) {
        return request(user, WebApiClient.BASE + path).header("Content-Type", type).PUT(body);
    }

    private static HttpRequest.Builder get(String user, String uri) {
        return request(user, uri).GET();
    }

    private static HttpRequest.Builder request(String user, String uri) {
        String password = user + ":secret";
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Bytes made as they are read, so no test holds a large body in memory. */
    private static InputStream generated(long size) {
        return new InputStream() {
            long served;

            @Override
            public int read() {
                return served < size ? (int) (served++ & 0x7f) : -1;
            }
        };
    }
}
