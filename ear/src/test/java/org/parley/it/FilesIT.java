package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.assertProblem;
import static org.parley.it.WebApiClient.object;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        HttpResponse<String> created = upload("bob", room, "notes.txt", "notes");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        MessageView announcement = history.last(
                        "sip:alice@contoso.com", object(created).getString("roomUri"), 1)
                .get(0);
        assertThat(announcement.author()).isEqualTo("sip:bob@contoso.com");
        assertThat(announcement.text())
                .isEqualTo("[file] notes.txt (5 bytes) "
                        + created.headers().firstValue("Location").orElseThrow());
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
        try (XccosTestClient watcher = XccosTestClient.inRoom("sip:watcher-" + run + "@contoso.com", roomUri)) {
            assertThat(watcher.post(roomUri, "before").status()).isEqualTo(200);
            HttpResponse<String> created = upload("bob", room, "live.txt", "live");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(watcher.post(roomUri, "after").status()).isEqualTo(200);

            String announcement = "[file] live.txt (4 bytes) "
                    + created.headers().firstValue("Location").orElseThrow();
            List<String> authors = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Document chat = watcher.await("/xccos/grpchat");
                authors.add(XccosTestClient.text(chat, "/xccos/grpchat/@author"));
                texts.add(XccosTestClient.text(chat, "/xccos/grpchat/chat"));
                assertThat(XccosTestClient.text(chat, "/xccos/grpchat/@chanUri"))
                        .isEqualTo(roomUri);
            }
            assertThat(texts).isEqualTo(List.of("before", announcement, "after"));
            assertThat(authors).isEqualTo(List.of(watcher.user, "sip:bob@contoso.com", watcher.user));
        }
    }

    @Test
    @RunAsClient
    void uploadsAFileAndDownloadsItWholeAndByRange() throws Exception {
        String room = room("OPEN");
        byte[] content = "Übersicht: the quarterly numbers\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = send(put(
                "alice",
                "/rooms/" + room + "/files/" + WebApiClient.segment("Q3 Übersicht.txt"),
                "text/plain; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject file = object(created);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .isEqualTo(
                        WebApiClient.BASE + "/files/" + file.getJsonNumber("id").longValue());
        assertThat(file.getString("fileName")).isEqualTo("Q3 Übersicht.txt");
        assertThat(file.getJsonNumber("sizeBytes").longValue()).isEqualTo(content.length);
        assertThat(file.getString("sha256")).isEqualTo(sha256(content));
        assertThat(file.getString("roomId")).isEqualTo(room);
        assertThat(file.getString("uploader")).isEqualTo("sip:alice@contoso.com");

        HttpResponse<byte[]> whole = HTTP.send(get("bob", location).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("text/plain;charset=UTF-8");
        assertThat(whole.headers().firstValue("Content-Length").orElseThrow())
                .isEqualTo(String.valueOf(content.length));
        assertThat(whole.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + sha256(content) + "\"");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"Q3 _bersicht.txt\"; filename*=UTF-8''Q3%20%C3%9Cbersicht.txt");
        assertThat(whole.headers().firstValue("Accept-Ranges").orElseThrow()).isEqualTo("bytes");

        HttpResponse<byte[]> part = HTTP.send(
                get("bob", location).header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range").orElseThrow()).isEqualTo("bytes 10-19/" + content.length);
        assertThat(part.headers().firstValue("Content-Length").orElseThrow()).isEqualTo("10");
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 10, 20));

        HttpResponse<byte[]> tail = HTTP.send(
                get("bob", location).header("Range", "bytes=-5").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 5, content.length));

        HttpResponse<byte[]> beyond = HTTP.send(
                get("bob", location)
                        .header("Range", "bytes=" + content.length + "-")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range").orElseThrow()).isEqualTo("bytes */" + content.length);

        HttpResponse<String> list = bob.get("/rooms/" + room + "/files");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonObject page = object(list);
        assertThat(page.getInt("totalItems")).isEqualTo(1);
        assertThat(page.getJsonArray("items").getJsonObject(0)).isEqualTo(file);
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
                        + "--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = send(request("alice", WebApiClient.BASE + "/rooms/" + room + "/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject file = object(created);
        assertThat(file.getString("fileName")).isEqualTo("passwd");
        assertThat(file.getString("sha256")).isEqualTo(sha256("root:x:0:0".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> traversal = send(put(
                "alice",
                "/rooms/" + room + "/files/..%2F..%2Fetc%2Fpasswd",
                "application/octet-stream",
                HttpRequest.BodyPublishers.ofString("x")));
        assertThat(traversal.statusCode() == 201 || traversal.statusCode() == 400 || traversal.statusCode() == 404)
                .as(traversal.statusCode() + " " + traversal.body())
                .isTrue();
        if (traversal.statusCode() == 201) {
            assertThat(object(traversal).getString("fileName")).isEqualTo("passwd");
        }
    }

    @Test
    @RunAsClient
    void refusesFilesOverTheLimit() throws Exception {
        String room = room("OPEN");
        HttpResponse<String> declared = send(put(
                        "alice",
                        "/rooms/" + room + "/files/big.bin",
                        "application/octet-stream",
                        HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT + 1)), LIMIT + 1))
                .expectContinue(true));
        assertProblem(declared, 413);

        HttpResponse<String> streamed = send(put(
                "alice",
                "/rooms/" + room + "/files/chunked.bin",
                "application/octet-stream",
                HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT + 1000))));
        assertProblem(streamed, 413);

        HttpResponse<String> justFits = send(put(
                "alice",
                "/rooms/" + room + "/files/fits.bin",
                "application/octet-stream",
                HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> generated(LIMIT)), LIMIT)));
        assertThat(justFits.statusCode()).as(justFits.body()).isEqualTo(201);
        assertThat(object(alice.get("/rooms/" + room + "/files")).getInt("totalItems"))
                .as("the refused file is not listed")
                .isEqualTo(1);
    }

    @Test
    @RunAsClient
    void onlyMembersSeeTheFilesOfASecretRoomAndCategoriesMayForbidFiles() throws Exception {
        String secret = room("SECRET");
        HttpResponse<String> created = upload("alice", secret, "plan.txt", "the plan");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();

        assertProblem(bob.get(location), 404);
        assertProblem(bob.get("/rooms/" + secret + "/files"), 404);
        assertProblem(upload("bob", secret, "x.txt", "x"), 404);
        assertThat(WebApiClient.anonymous().get(location).statusCode()).isEqualTo(401);

        String closed = room("CLOSED");
        assertProblem(upload("bob", closed, "x.txt", "x"), 403);

        HttpResponse<String> category =
                WebApiClient.as("admin", "parley-admin").post("/categories", """
                {"name": "No files %s", "allowedMembers": ["domain:contoso.com"],
                 "creators": ["sip:alice@contoso.com"], "fileUploadAllowed": false}""".formatted(run));
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        HttpResponse<String> room =
                alice.post("/rooms", """
                {"name": "No files %s", "privacy": "OPEN", "categoryUri": "%s"}""".formatted(run, object(category).getString("uri")));
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        assertProblem(upload("alice", object(room).getString("id"), "x.txt", "x"), 403);
    }

    private String room(String privacy) throws Exception {
        return alice.createRoom("""
                {"name": "Files %s %s", "privacy": "%s"}""".formatted(privacy, run, privacy)).getString("id");
    }

    /** Puts a text file into a room as the user (as the room page uploads one); the answer as it comes. */
    private static HttpResponse<String> upload(String user, String roomId, String file, String text) throws Exception {
        return send(put(
                user, "/rooms/" + roomId + "/files/" + file, "text/plain", HttpRequest.BodyPublishers.ofString(text)));
    }

    private static HttpRequest.Builder put(String user, String path, String type, HttpRequest.BodyPublisher body) {
        return request(user, WebApiClient.BASE + path)
                .header("Content-Type", type)
                .PUT(body);
    }

    private static HttpRequest.Builder get(String user, String uri) {
        return request(user, uri).GET();
    }

    private static HttpRequest.Builder request(String user, String uri) {
        String password = user + ":secret";
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
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
