package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.WebApiClient.object;
import static org.parley.it.WebApiClient.segment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.PostService;
import org.parley.chat.application.dto.MessageView;

/**
 * The administrator web services over HTTP: admin holds chat-admin (and is a Persistent Chat administrator in
 * the test run), alice and bob are plain users, carol is the user whose policy gets switched off. Names carry
 * a run id, so the tests pass against a store earlier runs filled.
 */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    private static final String PROBLEM = "application/problem+json";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");
    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient carol = WebApiClient.as("carol", "secret");

    @EJB
    private PostService posts;

    @EJB
    private HistoryService history;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(AdminApiIT.class, WebApiClient.class, Eventually.class);
    }

    /** One node (no PARLEY_POOL_ENABLED) reports itself alone, with nobody in its rooms. */
    @Test
    @RunAsClient
    void aSingleNodeReportsItselfAsItsWholePool() throws Exception {
        JsonObject pool = object(admin.get("/admin/pool"));
        assertFalse(pool.getBoolean("enabled"));
        assertEquals(1, pool.getJsonArray("nodes").size());
        JsonObject node = pool.getJsonArray("nodes").getJsonObject(0);
        assertEquals(pool.getString("node"), node.getString("name"));
        assertTrue(node.getBoolean("inView") && node.getBoolean("described"));
    }

    @Test
    @RunAsClient
    void onlyChatAdministratorsReachTheAdministratorApi() throws Exception {
        String room = "/admin/rooms/" + UUID.randomUUID();
        for (HttpResponse<String> refused : List.of(
                alice.get("/admin/policies"),
                alice.put("/admin/policies/global", "{\"chatEnabled\": false}"),
                alice.get("/admin/users/alice"),
                alice.put("/admin/categories/" + UUID.randomUUID(), "{}", "If-Match", "*"),
                alice.get("/admin/groups"),
                alice.post("/admin/groups", "{\"name\": \"Mine " + run + "\"}"),
                alice.get(room + "/history/changes"),
                alice.delete(room + "/messages/1"),
                alice.get("/admin/compliance"),
                alice.post("/admin/compliance/run", ""),
                alice.get("/admin/pool"))) {
            assertEquals(403, refused.statusCode(), refused.request().uri() + ": " + refused.body());
        }
        assertEquals(401, WebApiClient.anonymous().get("/admin/policies").statusCode());
    }

    @Test
    @RunAsClient
    void servesTheOpenApiDocumentWithoutCredentials() throws Exception {
        HttpResponse<String> document = WebApiClient.anonymous().get("http://127.0.0.1:8080/parley/openapi.yaml");
        assertEquals(200, document.statusCode());
        assertTrue(document.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(document.body().contains("openapi: 3.0"), document.body());
        assertTrue(document.body().contains("/admin/compliance/run:"));
    }

    @Test
    @RunAsClient
    void aPolicyThatDisablesChatLocksTheUserOutUntilCleared() throws Exception {
        String policy = "NoChat " + run;
        HttpResponse<String> defined = admin.put("/admin/policies/" + segment(policy), "{\"chatEnabled\": false}");
        assertEquals(200, defined.statusCode(), defined.body());
        assertEquals(policy, object(defined).getString("name"));
        assertFalse(object(defined).getBoolean("chatEnabled"));
        assertProblem(admin.put("/admin/policies/" + segment(policy), "{}"), 400,
                "urn:parley:problem:constraint-violation");

        HttpResponse<String> global = admin.put("/admin/policies/global", "{\"chatEnabled\": true}");
        assertEquals(200, global.statusCode(), global.body());
        assertEquals("Global", object(global).getString("name"));

        JsonObject page = object(admin.get("/admin/policies?size=100"));
        assertEquals(0, page.getInt("page"));
        assertEquals(100, page.getInt("size"));
        assertTrue(names(page).containsAll(List.of("Global", policy)), page.toString());
        assertEquals(1, object(admin.get("/admin/policies?size=1")).getJsonArray("items").size());
        assertProblem(admin.get("/admin/policies?size=101"), 400, "urn:parley:problem:constraint-violation");

        String carolPath = "/admin/users/" + segment("sip:carol@contoso.com");
        JsonObject before = object(admin.get(carolPath));
        assertEquals("sip:carol@contoso.com", before.getString("uri"));
        assertFalse(before.getBoolean("administrator"));
        assertTrue(object(admin.get("/admin/users/admin")).getBoolean("administrator"),
                "a sign-in name names the same user");

        try {
            HttpResponse<String> assigned = admin.put(carolPath + "/policy", "{\"policy\": \"" + policy + "\"}");
            assertEquals(200, assigned.statusCode(), assigned.body());
            assertEquals(policy, object(assigned).getJsonObject("policy").getString("name"));
            assertProblem(carol.get("/rooms"), 403, "urn:parley:problem:disabled-by-policy");
        } finally {
            HttpResponse<String> cleared = admin.put(carolPath + "/policy", "{\"policy\": null}");
            assertEquals(200, cleared.statusCode(), cleared.body());
            assertEquals("Global", object(cleared).getJsonObject("policy").getString("name"));
        }
        assertEquals(200, carol.get("/rooms").statusCode(), "back under Global");
        assertProblem(admin.put(carolPath + "/policy", "{\"policy\": \"None " + run + "\"}"), 404,
                "urn:parley:problem:not-found");
        assertProblem(admin.get("/admin/users/" + segment("sip:")), 400, "urn:parley:problem:invalid");
    }

    @Test
    @RunAsClient
    void categorySettingsNeedTheVersionReadAndListsChangeOneByOne() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Admin %s", "allowedMembers": ["domain:contoso.com"]}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = "/admin/categories/" + id;
        String settings = """
                {"name": "Admin %s", "description": "%s", "invitationsAllowed": false, "fileUploadAllowed": true,
                 "chatHistoryEnabled": true}""";

        assertProblem(admin.put(path, settings.formatted(run, "first")), 428, "about:blank");
        HttpResponse<String> updated = admin.put(path, settings.formatted(run, "first"), "If-Match", etag);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("first", object(updated).getString("description"));
        assertFalse(object(updated).getBoolean("invitationsAllowed"));
        String newEtag = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newEtag);
        assertProblem(admin.put(path, settings.formatted(run, "stale"), "If-Match", etag), 412,
                "urn:parley:problem:stale-version");
        assertProblem(admin.put(path, "{\"name\": \"Admin " + run + "\"}", "If-Match", newEtag), 400,
                "urn:parley:problem:constraint-violation");
        assertProblem(admin.put("/admin/categories/" + UUID.randomUUID(), settings.formatted(run, "x"),
                "If-Match", "*"), 404, "urn:parley:problem:not-found");

        String bob = segment("sip:bob@contoso.com");
        HttpResponse<String> granted = admin.put(path + "/creators/" + bob);
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(strings(object(granted), "creators").contains("sip:bob@contoso.com"));
        assertNotEquals(newEtag, granted.headers().firstValue("ETag").orElseThrow());
        assertTrue(strings(object(admin.put(path + "/denied-members/" + bob)), "deniedMembers")
                .contains("sip:bob@contoso.com"));
        HttpResponse<String> revoked = admin.delete(path + "/denied-members/" + bob);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertFalse(strings(object(revoked), "deniedMembers").contains("sip:bob@contoso.com"));
        assertTrue(strings(object(admin.delete(path + "/allowed-members/" + segment("domain:contoso.com"))),
                "allowedMembers").isEmpty());
        assertProblem(admin.put(path + "/creators/nobody"), 400, "urn:parley:problem:invalid");
        assertEquals(404, admin.put(path + "/owners/" + bob).statusCode());
    }

    /**
     * Who may enter a category and create rooms in it is the administrators' business: everyone else reads a
     * category's name, description and switches, in the list and alone.
     */
    /**
     * Remove-CsPersistentChatMessage over HTTP, in the container (the messages posted through the post service): a
     * dry run counts, the removal takes exactly that across rooms, each room's removal recorded.
     */
    @Test
    void messagesMatchingAFilterAreCountedThenRemovedAcrossRooms() throws Exception {
        String leak = "leak-" + run;
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("Leaky " + run, "Leakier " + run)) {
            HttpResponse<String> room = alice.post("/rooms", """
                    {"name": "%s", "privacy": "OPEN"}""".formatted(name));
            assertEquals(201, room.statusCode(), room.body());
            ids.add(object(room).getString("id"));
        }
        for (String id : ids) {
            String uri = "ma-chan://contoso.com/" + id;
            posts.post("sip:alice@contoso.com", uri, "the password is " + leak, Instant.now());
            posts.post("sip:alice@contoso.com", uri, "nothing to see", Instant.now());
        }
        String filter = """
                {"textContains": "%s", "dryRun": %s}""";
        assertEquals(403, alice.post("/admin/history/remove", filter.formatted(leak, true)).statusCode());
        assertProblem(admin.post("/admin/history/remove", "{\"dryRun\": true}"), 400, "urn:parley:problem:invalid");

        HttpResponse<String> dry = admin.post("/admin/history/remove", filter.formatted(leak, true));
        assertEquals(200, dry.statusCode(), dry.body());
        assertEquals(2, object(dry).getJsonNumber("messages").longValue());
        assertEquals(0, object(dry).getJsonNumber("files").longValue(), "no file was announced");
        assertTrue(object(dry).getBoolean("dryRun"));
        assertEquals(2, history.last("sip:alice@contoso.com", "ma-chan://contoso.com/" + ids.get(0), 10).size(),
                "the dry run removed nothing");

        HttpResponse<String> done = admin.post("/admin/history/remove", filter.formatted(leak, false));
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(2, object(done).getJsonNumber("messages").longValue());
        for (String id : ids) {
            assertEquals(List.of("nothing to see"), history.last("sip:alice@contoso.com", "ma-chan://contoso.com/" + id,
                    10).stream().map(MessageView::text).toList());
            JsonObject change = object(admin.get("/admin/rooms/" + id + "/history/changes")).getJsonArray("items")
                    .getJsonObject(0);
            assertEquals("REMOVED_MATCHING", change.getString("kind"));
            assertEquals(1, change.getJsonNumber("messagesAffected").longValue());
            assertTrue(change.getString("filter").contains(leak), change::toString);
        }
    }

    /** Retention over HTTP: set on a category and overridden on a room; the dry run lists what a run would take. */
    @Test
    @RunAsClient
    void retentionIsSetOnACategoryOverriddenOnARoomAndPreviewed() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Kept %s", "allowedMembers": ["domain:contoso.com"], "creators": ["domain:contoso.com"]}"""
                .formatted(run));
        String category = object(created).getString("id");
        List<String> rooms = new java.util.ArrayList<>();
        for (String name : List.of("Kept " + run, "Forever " + run)) {
            HttpResponse<String> room = alice.post("/rooms", """
                    {"name": "%s", "privacy": "OPEN", "categoryUri": "%s"}""".formatted(name,
                    object(created).getString("uri")));
            assertEquals(201, room.statusCode(), room.body());
            rooms.add(object(room).getString("uri"));
        }
        String forever = rooms.get(1).substring(rooms.get(1).lastIndexOf('/') + 1);

        assertEquals(403, alice.put("/admin/categories/" + category + "/retention", "{\"days\": 30}").statusCode());
        assertProblem(admin.put("/admin/categories/" + category + "/retention", "{\"days\": 40000}"), 400,
                "urn:parley:problem:constraint-violation");
        HttpResponse<String> set = admin.put("/admin/categories/" + category + "/retention", "{\"days\": 30}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(30, object(set).getInt("days"));
        assertEquals(0, object(admin.put("/admin/rooms/" + forever + "/retention", "{\"days\": 0}")).getInt("days"));

        JsonArray preview = jakarta.json.Json.createReader(new java.io.StringReader(admin.get("/admin/retention").body()))
                .readArray();
        List<String> previewed = preview.getValuesAs(JsonObject.class).stream().map(r -> r.getString("roomUri")).toList();
        assertTrue(previewed.contains(rooms.get(0)), preview::toString);
        assertFalse(previewed.contains(rooms.get(1)), "a room that keeps history for ever");
        assertEquals(403, alice.post("/admin/retention/run", "").statusCode());
        HttpResponse<String> ran = admin.post("/admin/retention/run", "");
        assertEquals(200, ran.statusCode(), ran.body());
        assertFalse(ran.body().contains(rooms.get(0)), "nothing in it is 30 days old");
        assertEquals(200, admin.put("/admin/categories/" + category + "/retention", "{\"days\": null}").statusCode());
    }

    /** Add-ins: registered by an administrator, picked by a room's manager, seen in REST and by a SIP client. */
    @Test
    @RunAsClient
    void anAddInRegisteredByAnAdministratorIsPickedForARoomAndReachesItsClients() throws Exception {
        String name = "Board " + run;
        String path = "/admin/addins/" + name.replace(" ", "%20");
        assertEquals(403, alice.put(path, "{\"url\": \"https://board.contoso.com/\"}").statusCode());
        assertProblem(admin.put(path, "{\"url\": \"javascript:alert(1)\"}"), 400, "urn:parley:problem:invalid");
        HttpResponse<String> registered = admin.put(path, "{\"url\": \"https://board.contoso.com/" + run + "\"}");
        assertEquals(200, registered.statusCode(), registered.body());
        assertTrue(alice.get("/admin/addins").body().contains(name), "users list them to pick one");

        HttpResponse<String> room = alice.post("/rooms", """
                {"name": "Boarded %s", "privacy": "OPEN"}""".formatted(run));
        JsonObject created = object(room);
        String roomPath = "/rooms/" + created.getString("id");
        HttpResponse<String> picked = alice.put(roomPath + "/addin", "{\"addIn\": \"" + name + "\"}");
        assertEquals(200, picked.statusCode(), picked.body());
        assertEquals(name, object(picked).getString("addIn"));
        assertEquals("https://board.contoso.com/" + run, object(alice.get(roomPath)).getString("addInUrl"));

        try (XccosTestClient sip = XccosTestClient.signIn("sip:bob@contoso.com")) {
            org.w3c.dom.Document search = sip.command("cmd:chansrch",
                    "<data><qib qtype=\"BYNAME\" criteria=\"Boarded " + run + "\"/></data>");
            assertEquals("https://board.contoso.com/" + run, XccosTestClient.text(search,
                    "//chanib[@uri='" + created.getString("uri") + "']/info[@id='urn:parlano:ma:info:addin']"),
                    () -> XccosTestClient.xml(search));
        }

        assertEquals(204, admin.delete(path).statusCode());
        assertFalse(object(alice.get(roomPath)).containsKey("addIn") && !object(alice.get(roomPath)).isNull("addIn"),
                "the room has none once the add-in is removed");
    }

    /** Remove-CsPersistentChatCategory, Remove-CsPersistentChatPolicy and the administrator right, over HTTP. */
    @Test
    @RunAsClient
    void categoriesAndPoliciesAreRemovedAndTheAdministratorRightGrantedAndRevoked() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Closing %s", "allowedMembers": ["domain:contoso.com"], "creators": ["domain:contoso.com"]}"""
                .formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> room = alice.post("/rooms", """
                {"name": "Moving %s", "privacy": "OPEN", "categoryUri": "%s"}""".formatted(run,
                object(created).getString("uri")));
        assertEquals(201, room.statusCode(), room.body());
        String roomPath = "/rooms/" + object(room).getString("id");
        String rootId = admin.all("/categories").getValuesAs(JsonObject.class).stream()
                .filter(category -> category.getString("name").equals("Root")).findFirst().orElseThrow().getString("id");
        String path = "/admin/categories/" + id;

        assertEquals(403, alice.delete(path, "If-Match", etag).statusCode());
        assertProblem(admin.delete(path, "If-Match", etag), 409, "urn:parley:problem:conflict");
        assertProblem(admin.delete(path + "?moveRoomsTo=not-a-guid", "If-Match", etag), 400,
                "urn:parley:problem:constraint-violation");
        assertProblem(admin.delete("/admin/categories/" + rootId, "If-Match", "*"), 409, "urn:parley:problem:conflict");
        HttpResponse<String> removed = admin.delete(path + "?moveRoomsTo=" + rootId, "If-Match", etag);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(1, object(removed).getInt("roomsMoved"));
        assertEquals(404, admin.get("/categories/" + id).statusCode());
        assertEquals("Root", object(alice.get(roomPath)).getString("categoryName"), "the room moved to Root");

        String policy = "Closing-" + run;
        assertEquals(200, admin.put("/admin/policies/" + policy, "{\"chatEnabled\": false}").statusCode());
        assertEquals(200, admin.put("/admin/users/carol/policy", "{\"policy\": \"" + policy + "\"}").statusCode());
        assertEquals(403, alice.delete("/admin/policies/" + policy).statusCode());
        assertProblem(admin.delete("/admin/policies/Global"), 409, "urn:parley:problem:conflict");
        HttpResponse<String> dropped = admin.delete("/admin/policies/" + policy);
        assertEquals(200, dropped.statusCode(), dropped.body());
        assertEquals(1, object(dropped).getInt("usersBackOnGlobal"));
        assertEquals("Global", object(admin.get("/admin/users/carol")).getJsonObject("policy").getString("name"));
        assertEquals(404, admin.delete("/admin/policies/" + policy).statusCode());

        HttpResponse<String> granted = admin.put("/admin/administrators/bob");
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(object(granted).getBoolean("administrator"));
        assertTrue(admin.get("/admin/administrators").body().contains("sip:bob@contoso.com"));
        HttpResponse<String> revoked = admin.delete("/admin/administrators/bob");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertFalse(object(revoked).getBoolean("administrator"));
        assertFalse(admin.get("/admin/administrators").body().contains("sip:bob@contoso.com"));
        assertEquals(403, alice.put("/admin/administrators/alice").statusCode());
    }

    @Test
    @RunAsClient
    void onlyAdministratorsSeeWhoACategoryAllowsDeniesAndLetsCreate() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Lists %s", "description": "who is who", "allowedMembers": ["domain:contoso.com"],
                 "deniedMembers": ["sip:mallory@contoso.com"], "creators": ["sip:bob@contoso.com"]}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        List<String> principalLists = List.of("allowedMembers", "deniedMembers", "creators");

        JsonObject listedToAlice = categoryIn(alice.all("/categories"), id);
        JsonObject aloneToAlice = object(alice.get("/categories/" + id));
        for (JsonObject seen : List.of(listedToAlice, aloneToAlice)) {
            assertEquals("Lists " + run, seen.getString("name"), seen.toString());
            assertEquals("who is who", seen.getString("description"), seen.toString());
            assertTrue(seen.containsKey("invitationsAllowed") && seen.containsKey("fileUploadAllowed")
                    && seen.containsKey("chatHistoryEnabled"), seen.toString());
            for (String list : principalLists) {
                assertFalse(seen.containsKey(list), () -> list + " shown to a user: " + seen);
            }
        }
        for (JsonObject seen : List.of(categoryIn(admin.all("/categories"), id), object(admin.get("/categories/" + id)))) {
            assertEquals(List.of("domain:contoso.com"), strings(seen, "allowedMembers"), seen.toString());
            assertEquals(List.of("sip:mallory@contoso.com"), strings(seen, "deniedMembers"), seen.toString());
            assertEquals(List.of("sip:bob@contoso.com"), strings(seen, "creators"), seen.toString());
        }
    }

    private static JsonObject categoryIn(jakarta.json.JsonArray categories, String id) {
        return categories.stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("category " + id + " not listed: " + categories));
    }

    @Test
    @RunAsClient
    void groupsAreCreatedFilledEmptiedAndDeleted() throws Exception {
        String name = "Team " + run;
        String path = "/admin/groups/" + segment(name);
        HttpResponse<String> created = admin.post("/admin/groups", """
                {"name": "%s", "description": "the team"}""".formatted(name));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(WebApiClient.BASE + path, created.headers().firstValue("Location").orElseThrow());
        assertTrue(object(created).getString("principal").equalsIgnoreCase("group:" + name), created.body());
        assertProblem(admin.post("/admin/groups", "{\"name\": \"" + name + "\"}"), 409,
                "urn:parley:problem:conflict");
        assertProblem(admin.post("/admin/groups", "{\"name\": \" \"}"), 400,
                "urn:parley:problem:constraint-violation");

        HttpResponse<String> added = admin.put(path + "/members/bob");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(List.of("sip:bob@contoso.com"), strings(object(added), "members"));
        admin.put(path + "/members/" + segment("sip:alice@contoso.com"));
        assertEquals(List.of("sip:alice@contoso.com", "sip:bob@contoso.com"),
                strings(object(admin.get(path)), "members"));
        assertTrue(names(object(admin.get("/admin/groups?size=100"))).contains(name));

        assertEquals(List.of("sip:alice@contoso.com"),
                strings(object(admin.delete(path + "/members/bob")), "members"));
        assertEquals(204, admin.delete(path).statusCode());
        assertProblem(admin.get(path), 404, "urn:parley:problem:not-found");
        assertProblem(admin.delete(path), 404, "urn:parley:problem:not-found");
    }

    /** In the container: the messages to rewrite are posted through the post service, as a client's would be. */
    @Test
    void historyRewritesAreRecordedInTheRoomsChanges() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Rewritten %s", "privacy": "OPEN"}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject room = object(created);
        String path = "/admin/rooms/" + room.getString("id");
        long first = posts.post("sip:alice@contoso.com", room.getString("uri"), "first " + run, Instant.now())
                .message().seq();
        long second = posts.post("sip:alice@contoso.com", room.getString("uri"), "second " + run, Instant.now())
                .message().seq();
        posts.post("sip:alice@contoso.com", room.getString("uri"), "third " + run, Instant.now());

        assertEquals(403, alice.put(path + "/messages/" + first, "{\"text\": \"mine\"}").statusCode());
        HttpResponse<String> replaced = admin.put(path + "/messages/" + first, "{\"text\": \"[redacted]\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("REPLACED", object(replaced).getString("kind"));
        assertEquals(first, object(replaced).getJsonNumber("messageSeq").longValue());
        assertEquals(64, object(replaced).getString("oldTextSha256").length());

        HttpResponse<String> removed = admin.delete(path + "/messages/" + second);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("REMOVED", object(removed).getString("kind"));
        assertProblem(admin.delete(path + "/messages/" + second), 404, "urn:parley:problem:not-found");

        HttpResponse<String> cleared = admin.post(path + "/history/clear", """
                {"before": "%s"}""".formatted(Instant.now().plusSeconds(1)));
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals("CLEARED_BEFORE", object(cleared).getString("kind"));
        assertEquals(2, object(cleared).getJsonNumber("messagesAffected").longValue(), "the first and the third");
        assertProblem(admin.post(path + "/history/clear", "{}"), 400, "urn:parley:problem:constraint-violation");

        JsonObject changes = object(admin.get(path + "/history/changes"));
        assertEquals(3, changes.getInt("totalItems"));
        assertEquals(List.of("REPLACED", "REMOVED", "CLEARED_BEFORE"), changes.getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(change -> change.getString("kind")).toList());
        assertTrue(changes.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(change -> change.getString("actor").equals("sip:admin@contoso.com")));
        assertEquals(1, object(admin.get(path + "/history/changes?page=1&size=2")).getJsonArray("items").size());
        assertProblem(admin.get("/admin/rooms/" + UUID.randomUUID() + "/history/changes"), 404,
                "urn:parley:problem:not-found");
    }

    @Test
    @RunAsClient
    void complianceShowsItsBacklogAdaptersAndDeadLettersAndRunsOnDemand() throws Exception {
        // Something to archive, so both adapters have taken at least one event by the end.
        assertEquals(201, alice.post("/rooms", """
                {"name": "Audited by admin %s", "privacy": "OPEN"}""".formatted(run)).statusCode());

        JsonObject status = Eventually.await(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> ran = admin.post("/admin/compliance/run", "");
                assertEquals(200, ran.statusCode(), ran.body());
                JsonObject outcome = object(ran);
                for (String field : List.of("delivered", "failures", "deleted")) {
                    assertTrue(outcome.getInt(field) >= 0, outcome.toString());
                }
                return object(admin.get("/admin/compliance"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, seen -> seen.getJsonArray("adapters").getValuesAs(JsonObject.class).stream()
                .filter(adapter -> adapter.get("lastSuccessAt") instanceof JsonString)
                .map(adapter -> adapter.getString("name")).toList().containsAll(List.of("xml", "jsonl")));

        assertTrue(status.getBoolean("enabled"));
        assertEquals(List.of("xml", "jsonl"), strings(status, "configuredAdapters"));
        assertTrue(status.getJsonNumber("backlogEvents").longValue() >= 0);
        for (JsonObject adapter : status.getJsonArray("adapters").getValuesAs(JsonObject.class)) {
            for (String number : List.of("lastEventId", "deliveredEvents", "failures")) {
                assertTrue(adapter.get(number) instanceof JsonNumber, adapter.toString());
            }
        }
        JsonObject deadLetters = status.getJsonObject("deadLetters");
        assertTrue(deadLetters.getInt("count") >= deadLetters.getJsonArray("messages").size(), deadLetters.toString());
        assertTrue(deadLetters.getJsonArray("messages").size() <= 5);
        assertFalse(deadLetters.getBoolean("countLimited"));
        for (JsonObject message : deadLetters.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            assertTrue(message.containsKey("messageId") && message.containsKey("sentAt"), message.toString());
        }
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("name")).toList();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * A history clear takes the room's files with it; their bytes stay on disk while younger than the clean-up's
     * grace period (an hour in the test run), even when the clean-up runs right away.
     */
    @Test
    @RunAsClient
    void clearingHistoryRemovesTheRoomsFilesAndTheCleanUpSparesRecentBytes() throws Exception {
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Cleared files %s", "privacy": "OPEN"}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        HttpResponse<String> uploaded = alice.put("/rooms/" + id + "/files/cleared.json", "{\"run\": \"" + run + "\"}");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        JsonObject file = object(uploaded);
        String sha256 = file.getString("sha256");
        java.nio.file.Path bytes = java.nio.file.Path.of(System.getProperty("parley.test.server.base"), "data", "parley",
                "files", sha256.substring(0, 2), sha256);
        assertTrue(java.nio.file.Files.isRegularFile(bytes), bytes.toString());

        HttpResponse<String> cleared = admin.post("/admin/rooms/" + id + "/history/clear", """
                {"before": "%s"}""".formatted(Instant.now().plusSeconds(1)));
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertProblem(alice.get("/files/" + file.getJsonNumber("id").longValue()), 404, "urn:parley:problem:not-found");
        assertEquals(0, object(alice.get("/rooms/" + id + "/files")).getInt("totalItems"));

        assertEquals(403, alice.post("/admin/files/cleanup", "").statusCode());
        HttpResponse<String> cleanup = admin.post("/admin/files/cleanup", "");
        assertEquals(200, cleanup.statusCode(), cleanup.body());
        for (String count : List.of("orphansDeleted", "tokensPurged", "abandonedUploadsDeleted")) {
            assertTrue(object(cleanup).getInt(count) >= 0, cleanup.body());
        }
        assertTrue(java.nio.file.Files.isRegularFile(bytes), "within the grace period the bytes stay");
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = object(response);
        assertEquals(type, problem.getString("type"), problem.toString());
        assertEquals(status, problem.getInt("status"));
        return problem;
    }
}
