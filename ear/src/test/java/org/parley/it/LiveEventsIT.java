package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.object;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * The live events of rooms for web clients (GET /chat/events, issue #17): a SIP client's posts and a web user's
 * reach a web client's stream live, in the room's order, numbered as the history numbers them; a client that
 * reconnects after a blip gets what it missed once and nothing twice; a member taken out of a closed room loses it
 * on the stream at once; a room's change is told; rooms the caller may not read start no stream. In the container,
 * where the SIP test client runs.
 */
@ExtendWith(ArquillianExtension.class)
class LiveEventsIT {

    private static final int WAIT = 10;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(
                LiveEventsIT.class, WebApiClient.class, LiveEventsClient.class, LiveEventsClient.Event.class);
    }

    @Test
    void postsFromSipAndFromTheWebArriveLiveInTheRoomsOrder() throws Exception {
        JsonObject room = room("Live", "OPEN", "");
        String id = room.getString("id");
        String roomUri = room.getString("uri");
        try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + id);
                XccosTestClient watcher = XccosTestClient.signIn("sip:watcher-" + run + "@contoso.com")) {
            assertThat(bob.status).as(bob.body).isEqualTo(200);
            watcher.join(roomUri);

            assertThat(watcher.post(roomUri, "one").status()).isEqualTo(200);
            alice.postMessage(id, "two, from the web");
            assertThat(watcher.post(roomUri, "three").status()).isEqualTo(200);

            List<LiveEventsClient.Event> events = List.of(bob.next(WAIT), bob.next(WAIT), bob.next(WAIT));
            assertThat(events).extracting(LiveEventsClient.Event::name).containsOnly("post");
            assertThat(events)
                    .extracting(event -> event.data().getString("text"))
                    .containsExactly("one", "two, from the web", "three");
            assertThat(events)
                    .extracting(event -> event.data().getString("author"))
                    .containsExactly(watcher.user, "sip:alice@contoso.com", watcher.user);
            List<Long> history = object(alice.get("/rooms/" + id + "/messages"))
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .map(m -> m.getJsonNumber("seq").longValue())
                    .toList();
            assertThat(events)
                    .extracting(event -> event.data().getJsonNumber("seq").longValue())
                    .containsExactlyElementsOf(history);
            assertThat(events)
                    .extracting(LiveEventsClient.Event::id)
                    .containsExactlyElementsOf(
                            history.stream().map(seq -> id + ":" + seq).toList());
        }
    }

    @Test
    void aWebClientIsAParticipantAsASipClientIs() throws Exception {
        JsonObject room = room("Participants", "OPEN", "");
        String id = room.getString("id");
        String roomUri = room.getString("uri");
        try (XccosTestClient watcher = XccosTestClient.inRoom("sip:watcher-" + run + "@contoso.com", roomUri)) {
            String session;
            try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + id)) {
                assertThat(bob.status).as(bob.body).isEqualTo(200);
                LiveEventsClient.Event first = bob.nextAny(WAIT);
                assertThat(first.name()).isEqualTo("session");
                session = first.data().getString("session");
                assertThat(session).startsWith("web:");

                // The SIP client is told the web user entered, and one joining later finds them in the room.
                Document entered = watcher.await("/xccos/ntc[@id='ntc:join']");
                assertThat(XccosTestClient.text(entered, "//uib/@uri")).isEqualTo("sip:bob@contoso.com");
                try (XccosTestClient late = XccosTestClient.signIn("sip:late-" + run + "@contoso.com")) {
                    Document lateJoin =
                            late.command("cmd:join", "<data>" + XccosTestClient.chanid(roomUri, 0) + "</data>");
                    assertThat(XccosTestClient.bool(lateJoin, "//uib[@uri='sip:bob@contoso.com']"))
                            .as(XccosTestClient.xml(lateJoin))
                            .isTrue();
                    // And the web user is told who entered.
                    LiveEventsClient.Event lateEntered = bob.nextAny(WAIT);
                    assertThat(lateEntered.name()).isEqualTo("entered");
                    assertThat(lateEntered.data().getString("user")).isEqualTo(late.user);
                    late.bye();
                }
                LiveEventsClient.Event lateLeft = bob.nextAny(WAIT);
                assertThat(lateLeft.name()).isEqualTo("left");
            }

            // A client that comes back with its session is the same participant, not a new one.
            try (LiveEventsClient again =
                    LiveEventsClient.open("bob", "secret", "room=" + id + "&session=" + session)) {
                assertThat(again.nextAny(WAIT).data().getString("session")).isEqualTo(session);
            }
            // Somebody else's session is not theirs to end; their own ends now, and the room hears them leave.
            assertThat(alice.delete("/chat/sessions/" + WebApiClient.segment(session))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(bob.delete("/chat/sessions/" + WebApiClient.segment(session))
                            .statusCode())
                    .isEqualTo(204);
            watcher.await("/xccos/ntc[@id='ntc:part']//uib[@uri='sip:bob@contoso.com']");
        }
    }

    @Test
    void aClientThatReconnectsGetsWhatItMissedOnceAndNothingTwice() throws Exception {
        String id = room("Blip", "OPEN", "").getString("id");
        String first;
        try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + id)) {
            alice.postMessage(id, "before the blip");
            LiveEventsClient.Event event = bob.next(WAIT);
            assertThat(event.data().getString("text")).isEqualTo("before the blip");
            first = event.id();
        }
        alice.postMessage(id, "missed 1");
        alice.postMessage(id, "missed 2");

        // As fetch resumes: after=<room>:<seq> of the last event it has.
        try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + id + "&after=" + first)) {
            assertThat(bob.status).as(bob.body).isEqualTo(200);
            assertThat(bob.next(WAIT).data().getString("text")).isEqualTo("missed 1");
            LiveEventsClient.Event second = bob.next(WAIT);
            assertThat(second.data().getString("text")).isEqualTo("missed 2");
            alice.postMessage(id, "live again");
            assertThat(bob.next(WAIT).data().getString("text")).isEqualTo("live again");

            // As EventSource resumes: the standard header, with the id of the last event.
            try (LiveEventsClient again =
                    LiveEventsClient.open("bob", "secret", "room=" + id, "Last-Event-ID", second.id())) {
                assertThat(again.next(WAIT).data().getString("text")).isEqualTo("live again");
                alice.postMessage(id, "once each");
                assertThat(again.next(WAIT).data().getString("text")).isEqualTo("once each");
                assertThat(bob.next(WAIT).data().getString("text")).isEqualTo("once each");
                LiveEventsClient.Event extra = again.poll(300);
                assertThat(extra == null || !"post".equals(extra.name()))
                        .as("nothing twice: " + extra)
                        .isTrue();
            }
        }
    }

    @Test
    void aMemberTakenOutOfAClosedRoomLosesItAtOnce() throws Exception {
        String closed = room("Members", "CLOSED", "\"members\": [\"sip:bob@contoso.com\"], ")
                .getString("id");
        String open = room("Lobby", "OPEN", "").getString("id");
        try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + closed + "&room=" + open)) {
            assertThat(bob.status).as(bob.body).isEqualTo(200);
            alice.postMessage(closed, "members only");
            assertThat(bob.next(WAIT).data().getString("text")).isEqualTo("members only");

            HttpResponse<String> removed =
                    alice.delete("/rooms/" + closed + "/members/" + WebApiClient.segment("sip:bob@contoso.com"));
            assertThat(removed.statusCode()).as(removed.body()).isIn(200, 204);
            LiveEventsClient.Event lost = bob.next(WAIT);
            assertThat(lost.name()).isEqualTo("closed");
            assertThat(lost.data().getString("room")).isEqualTo(closed);

            alice.postMessage(closed, "not for bob any more");
            alice.postMessage(open, "still for bob");
            LiveEventsClient.Event next = bob.next(WAIT);
            assertThat(next.data().getString("text"))
                    .as("nothing more of the closed room")
                    .isEqualTo("still for bob");
            assertThat(next.data().getString("room")).isEqualTo(open);
        }
    }

    @Test
    void aRoomsChangeIsTold() throws Exception {
        String id = room("Changing", "OPEN", "").getString("id");
        try (LiveEventsClient bob = LiveEventsClient.open("bob", "secret", "room=" + id)) {
            assertThat(bob.status).as(bob.body).isEqualTo(200);
            HttpResponse<String> read = alice.get("/rooms/" + id);
            HttpResponse<String> changed = alice.put(
                    "/rooms/" + id,
                    """
                    {"name": "Changed %s", "topic": "a new topic", "privacy": "OPEN", "type": "NORMAL",
                     "invitations": "INHERIT"}""".formatted(run),
                    "If-Match",
                    read.headers().firstValue("ETag").orElseThrow());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            LiveEventsClient.Event told = bob.next(WAIT);
            assertThat(told.name()).isEqualTo("room");
            assertThat(told.data().getString("room")).isEqualTo(id);
        }
    }

    @Test
    void roomsTheCallerMayNotReadStartNoStream() throws Exception {
        String closed = room("Private", "CLOSED", "").getString("id");
        String open = room("Public", "OPEN", "").getString("id");
        assertRefused(LiveEventsClient.open("bob", "secret", "room=" + open + "&room=" + closed), 403);
        assertRefused(LiveEventsClient.open("bob", "secret", "room=" + UUID.randomUUID()), 404);
        assertRefused(LiveEventsClient.open("bob", "secret", "room=not-a-room"), 400);
        assertRefused(LiveEventsClient.open("bob", "secret", ""), 400);
        assertRefused(LiveEventsClient.open("bob", "secret", "room=" + open + "&after=" + closed + ":3"), 400);
        assertRefused(LiveEventsClient.open("bob", "secret", "room=" + open + "&after=3"), 400);
        assertRefused(LiveEventsClient.open("bob", "wrong", "room=" + open), 401);
    }

    private JsonObject room(String name, String privacy, String roles) throws Exception {
        return alice.createRoom("""
                {%s"name": "Live %s %s", "privacy": "%s"}""".formatted(roles, name, run, privacy));
    }

    private static void assertRefused(LiveEventsClient client, int status) throws Exception {
        try (client) {
            assertThat(client.status).as(client.body).isEqualTo(status);
            if (status != 401) {
                assertThat(client.body).contains("\"status\":" + status);
            }
        }
    }
}
