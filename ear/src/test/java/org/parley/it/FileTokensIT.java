package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.assertProblem;
import static org.parley.it.WebApiClient.object;
import static org.parley.it.XccosTestClient.count;
import static org.parley.it.XccosTestClient.text;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * XCCOS file tokens end to end: issued over SIP (cmd:getfutok / cmd:getfdtok, rpl:getftok), redeemed over HTTP
 * without credentials at the serveruri the reply names. The test run sets the token lifetime to 8 seconds and
 * the serveruri to a value other than the default (PARLEY_FILETOKEN_* in ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class FileTokensIT {

    private static final String CONFIGURED_SERVICE = "http://localhost:8080/parley/api/v1/filetokens";
    private static final Duration LIFETIME = Duration.ofSeconds(8);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Resource(lookup = "java:jboss/datasources/ParleyChatDS")
    private DataSource chatStore;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(FileTokensIT.class, WebApiClient.class);
    }

    private String user(String name) {
        return "sip:" + name + "-" + run + "@contoso.com";
    }

    /** A room of the Root category (files allowed) created by alice over the web; its ma-chan URI. */
    private String room(String privacy) throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Tokens %s %s", "privacy": "%s"}""".formatted(run, UUID.randomUUID(), privacy));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return object(created).getString("uri");
    }

    private static Document token(XccosTestClient client, boolean upload, String roomUri, String fileName)
            throws Exception {
        return client.command(
                upload ? "cmd:getfutok" : "cmd:getfdtok",
                "<data><ftdb channelUri=\"" + roomUri + "\" fileUrl=\"" + XccosTestClient.escape(fileName)
                        + "\"/></data>");
    }

    /** The redemption address of a successful rpl:getftok, after checking its shape. */
    private static URI redemption(Document reply) {
        assertThat(text(reply, "/xccos/rpl/@id")).isEqualTo("rpl:getftok");
        assertThat(text(reply, "/xccos/rpl/resp/@code"))
                .as(XccosTestClient.xml(reply))
                .isEqualTo("200");
        String serverUri = text(reply, "/xccos/rpl/data/token/@serveruri");
        assertThat(serverUri).isEqualTo(CONFIGURED_SERVICE);
        String token = text(reply, "/xccos/rpl/data/token/@token");
        assertThat(token.matches("[0-9a-f-]{36}")).as(token).isTrue();
        return URI.create(serverUri + "/" + token);
    }

    private static HttpResponse<String> put(URI uri, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anUploadTokenFromSipPostsTheFileOverHttpOnce() throws Exception {
        String room = room("OPEN");
        byte[] content = ("plan of " + run).getBytes(StandardCharsets.UTF_8);
        try (XccosTestClient bob = XccosTestClient.signIn(user("bob"))) {
            URI upload = redemption(token(bob, true, room, "plan.txt"));

            HttpResponse<String> created = put(upload, content);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonObject file = object(created);
            assertThat(file.getString("fileName")).isEqualTo("plan.txt");
            assertThat(file.getString("uploader")).isEqualTo(user("bob"));
            assertThat(file.getInt("sizeBytes")).isEqualTo(content.length);
            assertProblem(put(upload, content), 404);

            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<byte[]> back = HTTP.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .header("Authorization", basic("alice", "secret"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(content);
        }
    }

    @Test
    void aDownloadTokenHandsOutTheFileOnceAndOnlyForDownloading() throws Exception {
        String room = room("OPEN");
        String id = room.substring(room.lastIndexOf('/') + 1);
        byte[] content = ("minutes of " + run).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = HTTP.send(
                HttpRequest.newBuilder(URI.create(WebApiClient.BASE + "/rooms/" + id + "/files/minutes.txt"))
                        .header("Authorization", basic("alice", "secret"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        try (XccosTestClient carol = XccosTestClient.signIn(user("carol"))) {
            URI download = redemption(token(carol, false, room, "minutes.txt"));

            assertProblem(put(download, content), 403);
            HttpResponse<byte[]> file = get(download);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(content);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("minutes.txt");
            assertProblem(get(download), 404);

            assertThat(text(token(carol, false, room, "no-such-file.txt"), "/xccos/rpl/resp/@code"))
                    .isEqualTo("404");
        }
    }

    /** Redemptions of one token at once: exactly one gets the file. */
    @Test
    void concurrentRedemptionsHaveOneWinner() throws Exception {
        String room = room("OPEN");
        try (XccosTestClient bob = XccosTestClient.signIn(user("bob"))) {
            URI upload = redemption(token(bob, true, room, "race.txt"));
            List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(HTTP.sendAsync(
                        HttpRequest.newBuilder(upload)
                                .timeout(Duration.ofSeconds(30))
                                .PUT(HttpRequest.BodyPublishers.ofString("attempt " + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int created = 0;
            for (CompletableFuture<HttpResponse<String>> attempt : attempts) {
                HttpResponse<String> response = attempt.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertProblem(response, 404);
                }
            }
            assertThat(created).isEqualTo(1);
        }
    }

    @Test
    void usersWhoMayNotPostOrReadGetAnErrorReplyAndNoToken() throws Exception {
        String closed = room("CLOSED");
        try (XccosTestClient eve = XccosTestClient.signIn(user("eve"))) {
            for (boolean upload : new boolean[] {true, false}) {
                Document refused = token(eve, upload, closed, "secret.txt");
                assertThat(text(refused, "/xccos/rpl/@id")).isEqualTo("rpl:getftok");
                assertThat(text(refused, "/xccos/rpl/resp/@code"))
                        .as(XccosTestClient.xml(refused))
                        .isEqualTo("403");
                assertThat(count(refused, "//token")).isEqualTo(0);
            }
            Document unknownRoom = token(eve, true, "ma-chan://contoso.com/" + UUID.randomUUID(), "x.txt");
            assertThat(text(unknownRoom, "/xccos/rpl/resp/@code")).isEqualTo("404");
        }
    }

    /**
     * The token is stored with the configured lifetime; once that has passed it is refused. Rather than
     * wait the lifetime out, the test moves the token's validity into the past in the store, so what is
     * exercised is the redemption's own expiry condition on the real database.
     */
    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String room = room("OPEN");
        try (XccosTestClient bob = XccosTestClient.signIn(user("bob"))) {
            URI upload = redemption(token(bob, true, room, "late.txt"));
            String token = upload.getPath().substring(upload.getPath().lastIndexOf('/') + 1);
            try (Connection store = chatStore.getConnection()) {
                try (PreparedStatement lifetime = store.prepareStatement(
                        "SELECT issued_at, expires_at FROM file_transfer_token WHERE token = ?")) {
                    lifetime.setString(1, token);
                    try (ResultSet row = lifetime.executeQuery()) {
                        assertThat(row.next()).as("token " + token + " stored").isTrue();
                        assertThat(Duration.between(
                                        row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)))
                                .isEqualTo(LIFETIME);
                    }
                }
                OffsetDateTime expired = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
                try (PreparedStatement age = store.prepareStatement(
                        "UPDATE file_transfer_token SET issued_at = ?, expires_at = ? WHERE token = ?")) {
                    age.setObject(1, expired.minus(LIFETIME));
                    age.setObject(2, expired);
                    age.setString(3, token);
                    assertThat(age.executeUpdate()).isEqualTo(1);
                }
            }
            assertProblem(put(upload, "too late".getBytes(StandardCharsets.UTF_8)), 404);
        }
    }

    /** Only the token path is open: the rest of the API still wants credentials. */
    @Test
    void theRestOfTheApiStillNeedsCredentials() throws Exception {
        assertThat(WebApiClient.anonymous().get("/rooms").statusCode()).isEqualTo(401);
        assertThat(WebApiClient.anonymous().get("/files/1").statusCode()).isEqualTo(401);
        assertProblem(get(URI.create(CONFIGURED_SERVICE + "/" + UUID.randomUUID())), 404);
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
