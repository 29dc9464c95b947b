package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.array;
import static org.parley.it.WebApiClient.object;
import static org.parley.it.WebApiClient.segment;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.PolicyService;

/**
 * The room management web services over HTTP, as the development users of configure-security.cli:
 * alice and bob (users), carol (a user whose chat policy one test switches off) and admin (chat-admin,
 * and a Persistent Chat administrator through the test run's PARLEY_CHAT_ADMINISTRATORS). Names carry a
 * run id, so the tests pass against a store earlier runs filled.
 */
@ExtendWith(ArquillianExtension.class)
class RoomsApiIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");
    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");

    @EJB
    private PolicyService policies;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RoomsApiIT.class, WebApiClient.class);
    }

    @Test
    @RunAsClient
    void refusesCallersWithoutValidCredentials() throws Exception {
        HttpResponse<String> anonymous = WebApiClient.anonymous().get("/rooms");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Basic");

        assertThat(WebApiClient.as("alice", "wrong").get("/rooms").statusCode()).isEqualTo(401);
        assertThat(WebApiClient.anonymous().get("/status").statusCode())
                .as("liveness needs no credentials")
                .isEqualTo(200);
    }

    @Test
    @RunAsClient
    void createsARoomAndReadsItBack() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Web %s", "description": "made over HTTP", "privacy": "OPEN"}""".formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject room = object(created);
        String id = room.getString("id");
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .isEqualTo(WebApiClient.BASE + "/rooms/" + id);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + room.getJsonNumber("version").longValue() + "\"");
        assertThat(room.getString("name")).isEqualTo("Web " + run);
        assertThat(room.getString("privacy")).isEqualTo("OPEN");
        assertThat(room.getString("type")).as("the default type").isEqualTo("NORMAL");
        assertThat(room.getString("uri")).isEqualTo("ma-chan://contoso.com/" + id);
        assertThat(room.getString("categoryName")).as("the default category").isEqualTo("Root");

        HttpResponse<String> read = bob.get("/rooms/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag").orElseThrow()).isEqualTo(etag);
        assertThat(object(read)).isEqualTo(room);
        assertThat(bob.get("/rooms/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);

        assertProblem(alice.post("/rooms", """
                {"name": "WEB %s", "privacy": "OPEN"}""".formatted(run)), 409, "urn:parley:problem:conflict");
        assertThat(alice.get("/rooms/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(alice.get("/rooms/not-a-guid").statusCode()).isEqualTo(404);
    }

    /** New-CsPersistentChatRoom in one step: settings and roles together, or no room at all. */
    @Test
    @RunAsClient
    void createsARoomWithItsRolesInOneStep() throws Exception {
        JsonObject created = alice.createRoom("""
                {"name": "Whole %s", "privacy": "CLOSED", "invitations": "ON",
                 "members": ["sip:bob@contoso.com", "group:leads"], "managers": ["sip:carol@contoso.com"]}""".formatted(run));
        String id = created.getString("id");
        assertThat(created.getString("invitations")).isEqualTo("ON");
        assertThat(alice.get("/rooms/" + id + "/members").body()).contains("sip:bob@contoso.com");
        assertThat(alice.get("/rooms/" + id + "/managers").body()).contains("sip:carol@contoso.com");
        assertThat(bob.get("/rooms/" + id).statusCode())
                .as("bob, a member, sees the closed room")
                .isEqualTo(200);

        assertProblem(alice.post("/rooms", """
                {"name": "Broken %s", "members": ["sip:bob@contoso.com", "nobody"]}""".formatted(run)), 400, "urn:parley:problem:invalid");
        assertThat(object(alice.get("/rooms?name=" + "Broken%20" + run)).getInt("totalItems"))
                .as("no room of a refused creation")
                .isEqualTo(0);
    }

    @Test
    @RunAsClient
    void updatesSettingsOnlyAgainstTheVersionRead() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Versioned %s", "privacy": "OPEN"}""".formatted(run));
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String settings = """
                {"name": "Versioned %s", "description": "changed", "topic": "news", "privacy": "OPEN",
                 "type": "NORMAL", "invitations": "INHERIT"}""".formatted(run);

        assertProblem(alice.put("/rooms/" + id, settings), 428, "about:blank");

        HttpResponse<String> updated = alice.put("/rooms/" + id, settings, "If-Match", etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(object(updated).getString("description")).isEqualTo("changed");
        assertThat(object(updated).getString("topic")).isEqualTo("news");
        String newEtag = updated.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);

        assertProblem(alice.put("/rooms/" + id, settings, "If-Match", etag), 412, "urn:parley:problem:stale-version");
        assertProblem(bob.put("/rooms/" + id, settings, "If-Match", newEtag), 403, "urn:parley:problem:forbidden");
    }

    @Test
    @RunAsClient
    void answersInvalidInputWithTheRejectedFields() throws Exception {
        JsonObject problem = assertProblem(alice.post("/rooms", """
                {"name": " ", "privacy": "OPEN"}"""), 400, "urn:parley:problem:constraint-violation");
        assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                        .anyMatch(violation -> violation.getString("field").endsWith("name")))
                .as(problem.toString())
                .isTrue();

        assertProblem(alice.post("/rooms", "{\"name\": "), 400, "about:blank");
        assertProblem(alice.post("/rooms", "{\"name\": \"x\", \"privacy\": \"PUBLIC\"}"), 400, "about:blank");
        assertProblem(alice.get("/rooms?size=0"), 400, "urn:parley:problem:constraint-violation");
        assertProblem(alice.get("/rooms/mine?role=owner"), 400, "urn:parley:problem:constraint-violation");
    }

    @Test
    @RunAsClient
    void aSecretRoomExistsForItsMembersOnly() throws Exception {
        String id = alicesRoom("Secret", "SECRET");
        String bobUri = segment("sip:bob@contoso.com");

        assertProblem(bob.get("/rooms/" + id), 404, "urn:parley:problem:not-found");
        assertThat(object(bob.get("/rooms?name=" + segment("Secret " + run)))
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(room -> room.getString("id").equals(id)))
                .isFalse();
        assertThat(bob.put("/rooms/" + id + "/members/" + bobUri).statusCode())
                .as("bob cannot add himself")
                .isEqualTo(404);

        HttpResponse<String> added = alice.put("/rooms/" + id + "/members/" + bobUri);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(strings(object(added), "members")).contains("sip:bob@contoso.com");
        assertThat(bob.get("/rooms/" + id).statusCode()).isEqualTo(200);
        assertThat(strings(bob.all("/rooms/" + id + "/managers"))).isEqualTo(List.of("sip:alice@contoso.com"));
        assertThat(bob.all("/rooms/mine").getValuesAs(JsonObject.class).stream()
                        .anyMatch(room -> room.getString("id").equals(id)))
                .isTrue();

        assertProblem(
                bob.put("/rooms/" + id + "/members/" + segment("sip:carol@contoso.com")),
                403,
                "urn:parley:problem:forbidden");
        assertProblem(
                bob.delete("/rooms/" + id + "/managers/" + segment("sip:alice@contoso.com")),
                403,
                "urn:parley:problem:forbidden");
        assertProblem(
                alice.delete("/rooms/" + id + "/managers/" + segment("sip:alice@contoso.com")),
                409,
                "urn:parley:problem:conflict");

        HttpResponse<String> removed = alice.delete("/rooms/" + id + "/members/" + bobUri);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(strings(object(removed), "members")).doesNotContain("sip:bob@contoso.com");
        assertThat(bob.get("/rooms/" + id).statusCode()).isEqualTo(404);

        assertProblem(alice.put("/rooms/" + id + "/members/" + segment("nobody")), 400, "urn:parley:problem:invalid");
    }

    @Test
    @RunAsClient
    void searchesWhatTheCallerMaySeeByPages() throws Exception {
        for (String name : List.of("Paged %s a", "Paged %s b", "Paged %s c")) {
            assertThat(alice.post("/rooms", """
                    {"name": "%s", "privacy": "CLOSED"}""".formatted(name.formatted(run))).statusCode())
                    .isEqualTo(201);
        }
        String query = "/rooms?name=" + segment("paged " + run);

        JsonObject first = object(bob.get(query + "&size=2"));
        assertThat(first.getInt("totalItems")).isEqualTo(3);
        assertThat(first.getInt("page")).isEqualTo(0);
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(names(first)).isEqualTo(List.of("Paged " + run + " a", "Paged " + run + " b"));
        assertThat(names(object(bob.get(query + "&size=2&page=1")))).isEqualTo(List.of("Paged " + run + " c"));
        assertThat(names(object(bob.get(query + "&size=2&page=2")))).isEqualTo(List.of());

        assertThat(alice.all("/rooms/mine?role=manager").getValuesAs(JsonObject.class).stream()
                        .filter(room -> room.getString("name").startsWith("Paged " + run))
                        .count())
                .isEqualTo(3);
        assertThat(bob.all("/rooms/mine?role=manager").getValuesAs(JsonObject.class).stream()
                        .filter(room -> room.getString("name").startsWith("Paged " + run))
                        .count())
                .isEqualTo(0);
    }

    @Test
    @RunAsClient
    void managersInviteAndDisableRooms() throws Exception {
        String id = alicesRoom("Managed", "CLOSED");
        alice.put("/rooms/" + id + "/members/" + segment("sip:bob@contoso.com"));

        HttpResponse<String> invited = alice.post("/rooms/" + id + "/invitations", """
                {"invitee": "sip:bob@contoso.com"}""");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(object(invited).getString("invitee")).isEqualTo("sip:bob@contoso.com");
        assertThat(object(invited).getString("inviter")).isEqualTo("sip:alice@contoso.com");
        assertThat(object(alice.post("/rooms/" + id + "/invitations", """
                {"invitee": "sip:bob@contoso.com"}""")).getJsonNumber("id"))
                .as("an unseen invitation is not repeated")
                .isEqualTo(object(invited).getJsonNumber("id"));

        assertProblem(bob.post("/rooms/" + id + "/disable", ""), 403, "urn:parley:problem:forbidden");
        HttpResponse<String> disabled = alice.post("/rooms/" + id + "/disable", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(object(disabled).getBoolean("disabled")).isTrue();
        assertThat(bob.get("/rooms/" + id).statusCode())
                .as("a disabled room is hidden from its members")
                .isEqualTo(404);
        assertThat(alice.post("/rooms/" + id + "/enable", "").statusCode()).isEqualTo(200);
        assertThat(bob.get("/rooms/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    @RunAsClient
    void onlyChatAdministratorsCreateCategories() throws Exception {
        assertThat(bob.all("/categories").getValuesAs(JsonObject.class).stream()
                        .anyMatch(category -> category.getString("name").equals("Root")))
                .isTrue();
        String category = """
                {"name": "Web category %s", "allowedMembers": ["domain:contoso.com"],
                 "creators": ["sip:alice@contoso.com"], "fileUploadAllowed": false}""".formatted(run);

        assertProblem(bob.post("/categories", category), 403, "about:blank");

        HttpResponse<String> created = admin.post("/categories", category);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject json = object(created);
        assertThat(json.getBoolean("fileUploadAllowed")).isFalse();
        assertThat(json.getBoolean("chatHistoryEnabled"))
                .as("switches default to on")
                .isTrue();
        assertThat(strings(json, "allowedMembers")).isEqualTo(List.of("domain:contoso.com"));
        HttpResponse<String> read =
                bob.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        // bob is no administrator: the same category without its principal lists
        JsonObject expected = Json.createObjectBuilder(json)
                .remove("allowedMembers")
                .remove("deniedMembers")
                .remove("creators")
                .build();
        assertThat(object(read)).isEqualTo(expected);

        assertThat(alice.post("/rooms", """
                {"name": "In category %s", "categoryUri": "%s"}""".formatted(run, json.getString("uri")))
                        .statusCode())
                .as("alice is a creator of the new category")
                .isEqualTo(201);
        assertProblem(
                bob.post("/rooms", """
                {"name": "Not allowed %s", "categoryUri": "%s"}""".formatted(run, json.getString("uri"))), 403, "urn:parley:problem:forbidden");
    }

    /** In the container, to switch carol's chat policy through the chat service; the calls are still HTTP. */
    @Test
    void refusesAUserWhoseChatPolicyIsOff() throws Exception {
        WebApiClient carol = WebApiClient.as("carol", "secret");
        String administrator = "sip:admin@contoso.com";
        policies.definePolicy(administrator, "No web chat " + run, false);
        policies.assignPolicy(administrator, "sip:carol@contoso.com", "No web chat " + run);
        try {
            assertProblem(carol.get("/rooms"), 403, "urn:parley:problem:disabled-by-policy");
            assertProblem(carol.get("/categories"), 403, "urn:parley:problem:disabled-by-policy");
            assertProblem(carol.post("/rooms", """
                    {"name": "Carol %s"}""".formatted(run)), 403, "urn:parley:problem:disabled-by-policy");
        } finally {
            policies.assignPolicy(administrator, "sip:carol@contoso.com", null);
        }
        assertThat(carol.get("/rooms").statusCode()).isEqualTo(200);
    }

    /** A room alice creates, named with the run; its id. */
    private String alicesRoom(String name, String privacy) throws Exception {
        return alice.createRoom("""
                {"name": "%s %s", "privacy": "%s"}""".formatted(name, run, privacy)).getString("id");
    }

    /** An RFC 9457 problem with the given status and type, and the request path as its instance. */
    private static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        JsonObject problem = WebApiClient.assertProblem(response, status, type);
        assertThat(problem.getString("title").isBlank()).isFalse();
        assertThat(problem.getString("detail", "").isBlank())
                .as(problem.toString())
                .isFalse();
        assertThat(problem.getString("instance"))
                .isEqualTo(response.request().uri().getRawPath());
        return problem;
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(room -> room.getString("name"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
