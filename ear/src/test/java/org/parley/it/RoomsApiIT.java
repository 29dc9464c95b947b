package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    private static final String PROBLEM = "application/problem+json";

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
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        assertEquals(401, WebApiClient.as("alice", "wrong").get("/rooms").statusCode());
        assertEquals(200, WebApiClient.anonymous().get("/status").statusCode(), "liveness needs no credentials");
    }

    @Test
    @RunAsClient
    void createsARoomAndReadsItBack() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Web %s", "description": "made over HTTP", "privacy": "OPEN"}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject room = object(created);
        String id = room.getString("id");
        assertEquals(WebApiClient.BASE + "/rooms/" + id, created.headers().firstValue("Location").orElseThrow());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + room.getJsonNumber("version").longValue() + "\"", etag);
        assertEquals("Web " + run, room.getString("name"));
        assertEquals("OPEN", room.getString("privacy"));
        assertEquals("NORMAL", room.getString("type"), "the default type");
        assertEquals("ma-chan://contoso.com/" + id, room.getString("uri"));
        assertEquals("Root", room.getString("categoryName"), "the default category");

        HttpResponse<String> read = bob.get("/rooms/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(etag, read.headers().firstValue("ETag").orElseThrow());
        assertEquals(room, object(read));
        assertEquals(304, bob.get("/rooms/" + id, "If-None-Match", etag).statusCode());

        assertProblem(alice.post("/rooms", """
                {"name": "WEB %s", "privacy": "OPEN"}""".formatted(run)), 409, "urn:parley:problem:conflict");
        assertEquals(404, alice.get("/rooms/" + UUID.randomUUID()).statusCode());
        assertEquals(404, alice.get("/rooms/not-a-guid").statusCode());
    }

    /** New-CsPersistentChatRoom in one step: settings and roles together, or no room at all. */
    @Test
    @RunAsClient
    void createsARoomWithItsRolesInOneStep() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Whole %s", "privacy": "CLOSED", "invitations": "ON",
                 "members": ["sip:bob@contoso.com", "group:leads"], "managers": ["sip:carol@contoso.com"]}"""
                .formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        assertEquals("ON", object(created).getString("invitations"));
        assertTrue(alice.get("/rooms/" + id + "/members").body().contains("sip:bob@contoso.com"));
        assertTrue(alice.get("/rooms/" + id + "/managers").body().contains("sip:carol@contoso.com"));
        assertEquals(200, bob.get("/rooms/" + id).statusCode(), "bob, a member, sees the closed room");

        assertProblem(alice.post("/rooms", """
                {"name": "Broken %s", "members": ["sip:bob@contoso.com", "nobody"]}""".formatted(run)), 400,
                "urn:parley:problem:invalid");
        assertEquals(0, object(alice.get("/rooms?name=" + "Broken%20" + run)).getInt("totalItems"),
                "no room of a refused creation");
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
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("changed", object(updated).getString("description"));
        assertEquals("news", object(updated).getString("topic"));
        String newEtag = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newEtag);

        assertProblem(alice.put("/rooms/" + id, settings, "If-Match", etag), 412,
                "urn:parley:problem:stale-version");
        assertProblem(bob.put("/rooms/" + id, settings, "If-Match", newEtag), 403, "urn:parley:problem:forbidden");
    }

    @Test
    @RunAsClient
    void answersInvalidInputWithTheRejectedFields() throws Exception {
        JsonObject problem = assertProblem(alice.post("/rooms", """
                {"name": " ", "privacy": "OPEN"}"""), 400, "urn:parley:problem:constraint-violation");
        assertTrue(problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .anyMatch(violation -> violation.getString("field").endsWith("name")), problem.toString());

        assertProblem(alice.post("/rooms", "{\"name\": "), 400, "about:blank");
        assertProblem(alice.post("/rooms", "{\"name\": \"x\", \"privacy\": \"PUBLIC\"}"), 400, "about:blank");
        assertProblem(alice.get("/rooms?size=0"), 400, "urn:parley:problem:constraint-violation");
        assertProblem(alice.get("/rooms/mine?role=owner"), 400, "urn:parley:problem:constraint-violation");
    }

    @Test
    @RunAsClient
    void aSecretRoomExistsForItsMembersOnly() throws Exception {
        String id = object(alice.post("/rooms", """
                {"name": "Secret %s", "privacy": "SECRET"}""".formatted(run))).getString("id");
        String bobUri = segment("sip:bob@contoso.com");

        assertProblem(bob.get("/rooms/" + id), 404, "urn:parley:problem:not-found");
        assertFalse(object(bob.get("/rooms?name=" + segment("Secret " + run))).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().anyMatch(room -> room.getString("id").equals(id)));
        assertEquals(404, bob.put("/rooms/" + id + "/members/" + bobUri).statusCode(), "bob cannot add himself");

        HttpResponse<String> added = alice.put("/rooms/" + id + "/members/" + bobUri);
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(strings(object(added), "members").contains("sip:bob@contoso.com"));
        assertEquals(200, bob.get("/rooms/" + id).statusCode());
        assertEquals(List.of("sip:alice@contoso.com"), strings(bob.all("/rooms/" + id + "/managers")));
        assertTrue(bob.all("/rooms/mine").getValuesAs(JsonObject.class).stream()
                .anyMatch(room -> room.getString("id").equals(id)));

        assertProblem(bob.put("/rooms/" + id + "/members/" + segment("sip:carol@contoso.com")), 403,
                "urn:parley:problem:forbidden");
        assertProblem(bob.delete("/rooms/" + id + "/managers/" + segment("sip:alice@contoso.com")), 403,
                "urn:parley:problem:forbidden");
        assertProblem(alice.delete("/rooms/" + id + "/managers/" + segment("sip:alice@contoso.com")), 409,
                "urn:parley:problem:conflict");

        HttpResponse<String> removed = alice.delete("/rooms/" + id + "/members/" + bobUri);
        assertEquals(200, removed.statusCode(), removed.body());
        assertFalse(strings(object(removed), "members").contains("sip:bob@contoso.com"));
        assertEquals(404, bob.get("/rooms/" + id).statusCode());

        assertProblem(alice.put("/rooms/" + id + "/members/" + segment("nobody")), 400,
                "urn:parley:problem:invalid");
    }

    @Test
    @RunAsClient
    void searchesWhatTheCallerMaySeeByPages() throws Exception {
        for (String name : List.of("Paged %s a", "Paged %s b", "Paged %s c")) {
            assertEquals(201, alice.post("/rooms", """
                    {"name": "%s", "privacy": "CLOSED"}""".formatted(name.formatted(run))).statusCode());
        }
        String query = "/rooms?name=" + segment("paged " + run);

        JsonObject first = object(bob.get(query + "&size=2"));
        assertEquals(3, first.getInt("totalItems"));
        assertEquals(0, first.getInt("page"));
        assertEquals(2, first.getInt("size"));
        assertEquals(List.of("Paged " + run + " a", "Paged " + run + " b"), names(first));
        assertEquals(List.of("Paged " + run + " c"), names(object(bob.get(query + "&size=2&page=1"))));
        assertEquals(List.of(), names(object(bob.get(query + "&size=2&page=2"))));

        assertEquals(3, alice.all("/rooms/mine?role=manager").getValuesAs(JsonObject.class).stream()
                .filter(room -> room.getString("name").startsWith("Paged " + run)).count());
        assertEquals(0, bob.all("/rooms/mine?role=manager").getValuesAs(JsonObject.class).stream()
                .filter(room -> room.getString("name").startsWith("Paged " + run)).count());
    }

    @Test
    @RunAsClient
    void managersInviteAndDisableRooms() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Managed %s", "privacy": "CLOSED"}""".formatted(run));
        String id = object(created).getString("id");
        alice.put("/rooms/" + id + "/members/" + segment("sip:bob@contoso.com"));

        HttpResponse<String> invited = alice.post("/rooms/" + id + "/invitations", """
                {"invitee": "sip:bob@contoso.com"}""");
        assertEquals(200, invited.statusCode(), invited.body());
        assertEquals("sip:bob@contoso.com", object(invited).getString("invitee"));
        assertEquals("sip:alice@contoso.com", object(invited).getString("inviter"));
        assertEquals(object(invited).getJsonNumber("id"), object(alice.post("/rooms/" + id + "/invitations", """
                {"invitee": "sip:bob@contoso.com"}""")).getJsonNumber("id"), "an unseen invitation is not repeated");

        assertProblem(bob.post("/rooms/" + id + "/disable", ""), 403, "urn:parley:problem:forbidden");
        HttpResponse<String> disabled = alice.post("/rooms/" + id + "/disable", "");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(object(disabled).getBoolean("disabled"));
        assertEquals(404, bob.get("/rooms/" + id).statusCode(), "a disabled room is hidden from its members");
        assertEquals(200, alice.post("/rooms/" + id + "/enable", "").statusCode());
        assertEquals(200, bob.get("/rooms/" + id).statusCode());
    }

    @Test
    @RunAsClient
    void onlyChatAdministratorsCreateCategories() throws Exception {
        assertTrue(bob.all("/categories").getValuesAs(JsonObject.class).stream()
                .anyMatch(category -> category.getString("name").equals("Root")));
        String category = """
                {"name": "Web category %s", "allowedMembers": ["domain:contoso.com"],
                 "creators": ["sip:alice@contoso.com"], "fileUploadAllowed": false}""".formatted(run);

        assertProblem(bob.post("/categories", category), 403, "about:blank");

        HttpResponse<String> created = admin.post("/categories", category);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = object(created);
        assertFalse(json.getBoolean("fileUploadAllowed"));
        assertTrue(json.getBoolean("chatHistoryEnabled"), "switches default to on");
        assertEquals(List.of("domain:contoso.com"), strings(json, "allowedMembers"));
        HttpResponse<String> read = bob.get(created.headers().firstValue("Location").orElseThrow());
        assertEquals(200, read.statusCode(), read.body());
        // bob is no administrator: the same category without its principal lists
        JsonObject expected = Json.createObjectBuilder(json).remove("allowedMembers").remove("deniedMembers")
                .remove("creators").build();
        assertEquals(expected, object(read));

        assertEquals(201, alice.post("/rooms", """
                {"name": "In category %s", "categoryUri": "%s"}""".formatted(run, json.getString("uri")))
                .statusCode(), "alice is a creator of the new category");
        assertProblem(bob.post("/rooms", """
                {"name": "Not allowed %s", "categoryUri": "%s"}""".formatted(run, json.getString("uri"))),
                403, "urn:parley:problem:forbidden");
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
        assertEquals(200, carol.get("/rooms").statusCode());
    }

    /** An RFC 9457 problem with the given status and type, and the request path as its instance. */
    private static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
        JsonObject problem = object(response);
        assertEquals(type, problem.getString("type"), problem.toString());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail", "").isBlank(), problem.toString());
        assertEquals(response.request().uri().getRawPath(), problem.getString("instance"));
        return problem;
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(room -> room.getString("name")).toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
