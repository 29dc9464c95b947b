package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.assertProblem;
import static org.parley.it.WebApiClient.object;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * A room's conversation over HTTP (issue #17's messages API): a web post takes the one road, so a SIP client in
 * the room gets it live, in the room's order among its own posts, with the number the history shows; the history
 * is read in windows back and forth and searched; the room's rules refuse as they refuse a SIP client, each as
 * problem+json, and a refused post leaves the history as it was. In the container, where the SIP test client runs.
 */
@ExtendWith(ArquillianExtension.class)
class RoomMessagesApiIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RoomMessagesApiIT.class, WebApiClient.class);
    }

    @Test
    void aWebPostReachesTheSipClientsInTheRoomInItsOrder() throws Exception {
        JsonObject room = room("Road", "OPEN", "NORMAL");
        String id = room.getString("id");
        String roomUri = room.getString("uri");
        try (XccosTestClient watcher = XccosTestClient.inRoom("sip:watcher-" + run + "@contoso.com", roomUri)) {
            assertThat(watcher.post(roomUri, "one").status()).isEqualTo(200);
            HttpResponse<String> posted = alice.post("/rooms/" + id + "/messages", "{\"text\": \"two, from the web\"}");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            JsonObject two = object(posted);
            assertThat(posted.headers().firstValue("Location").orElseThrow())
                    .isEqualTo(WebApiClient.BASE + "/rooms/" + id + "/messages/"
                            + two.getJsonNumber("seq").longValue());
            assertThat(two.getString("author")).isEqualTo("sip:alice@contoso.com");
            assertThat(two.getBoolean("stored")).isTrue();
            assertThat(watcher.post(roomUri, "three").status()).isEqualTo(200);

            List<String> texts = new ArrayList<>();
            List<String> authors = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Document chat = watcher.await("/xccos/grpchat");
                texts.add(XccosTestClient.text(chat, "/xccos/grpchat/chat"));
                authors.add(XccosTestClient.text(chat, "/xccos/grpchat/@author"));
            }
            assertThat(texts).containsExactly("one", "two, from the web", "three");
            assertThat(authors).containsExactly(watcher.user, "sip:alice@contoso.com", watcher.user);

            JsonArray history = object(bob.get("/rooms/" + id + "/messages")).getJsonArray("items");
            assertThat(history.getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")))
                    .containsExactly("one", "two, from the web", "three");
            assertThat(history.getJsonObject(1).getJsonNumber("seq").longValue())
                    .isEqualTo(two.getJsonNumber("seq").longValue());
        }
    }

    @Test
    void readsTheHistoryInWindowsBackAndForthAndSearchesIt() throws Exception {
        String id = room("Pages", "OPEN", "NORMAL").getString("id");
        List<Long> seqs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            seqs.add(
                    alice.postMessage(id, "page item " + i).getJsonNumber("seq").longValue());
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();

        assertThat(texts(bob.get("/rooms/" + id + "/messages?limit=2"))).containsExactly("page item 4", "page item 5");
        assertThat(texts(bob.get("/rooms/" + id + "/messages?limit=2&before=" + seqs.get(3))))
                .containsExactly("page item 2", "page item 3");
        assertThat(texts(bob.get("/rooms/" + id + "/messages?limit=2&before=" + seqs.get(1))))
                .containsExactly("page item 1");
        assertThat(texts(bob.get("/rooms/" + id + "/messages?limit=3&after=" + seqs.get(0))))
                .containsExactly("page item 2", "page item 3", "page item 4");
        assertThat(object(bob.get("/rooms/" + id + "/messages/" + seqs.get(2))).getString("text"))
                .isEqualTo("page item 3");
        assertProblem(bob.get("/rooms/" + id + "/messages/" + (seqs.get(4) + 100)), 404);
        assertProblem(bob.get("/rooms/" + id + "/messages?before=3&after=1"), 400);
        assertProblem(bob.get("/rooms/" + id + "/messages?limit=0"), 400);

        assertThat(texts(bob.get("/rooms/" + id + "/messages/search?text=ITEM%203")))
                .containsExactly("page item 3");
        assertThat(texts(bob.get("/rooms/" + id + "/messages/search?text=page&limit=2")))
                .hasSize(2);
        assertProblem(bob.get("/rooms/" + id + "/messages/search?text=%20"), 400);
    }

    @Test
    void theRoomsRulesRefuseAWebPostAsTheyRefuseASipOne() throws Exception {
        String closed = room("Closed", "CLOSED", "NORMAL").getString("id");
        String auditorium = room("Stage", "OPEN", "AUDITORIUM", "\"presenters\": [\"sip:alice@contoso.com\"], ")
                .getString("id");
        String open = room("Open", "OPEN", "NORMAL").getString("id");

        // A closed room's conversation is its members'; an auditorium's audience listens.
        assertProblem(bob.post("/rooms/" + closed + "/messages", "{\"text\": \"let me in\"}"), 403);
        assertProblem(bob.get("/rooms/" + closed + "/messages"), 403);
        assertProblem(bob.get("/rooms/" + closed + "/messages/search?text=x"), 403);
        assertProblem(bob.post("/rooms/" + auditorium + "/messages", "{\"text\": \"from the floor\"}"), 403);
        alice.postMessage(auditorium, "from the stage");

        assertProblem(alice.post("/rooms/" + open + "/messages", "{\"text\": \"" + "x".repeat(4097) + "\"}"), 413);
        assertProblem(alice.post("/rooms/" + open + "/messages", "{\"text\": \"\"}"), 400);
        assertProblem(alice.post("/rooms/" + open + "/messages", "{}"), 400);
        assertProblem(alice.post("/rooms/" + open + "/messages", "not json"), 400);
        assertThat(WebApiClient.anonymous().get("/rooms/" + open + "/messages").statusCode())
                .as("the server asks for credentials before the API is reached")
                .isEqualTo(401);

        assertThat(texts(alice.get("/rooms/" + open + "/messages")))
                .as("nothing refused was stored")
                .isEmpty();
        assertThat(texts(bob.get("/rooms/" + auditorium + "/messages"))).containsExactly("from the stage");
    }

    private JsonObject room(String name, String privacy, String type) throws Exception {
        return room(name, privacy, type, "");
    }

    private JsonObject room(String name, String privacy, String type, String roles) throws Exception {
        return alice.createRoom("""
                {%s"name": "Messages %s %s", "privacy": "%s", "type": "%s"}""".formatted(roles, name, run, privacy, type));
    }

    private static List<String> texts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return object(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("text"))
                .toList();
    }
}
