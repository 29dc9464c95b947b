package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.assertProblem;
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
        assertThat(pool.getBoolean("enabled")).isFalse();
        assertThat(pool.getJsonArray("nodes").size()).isEqualTo(1);
        JsonObject node = pool.getJsonArray("nodes").getJsonObject(0);
        assertThat(node.getString("name")).isEqualTo(pool.getString("node"));
        assertThat(node.getBoolean("inView") && node.getBoolean("described")).isTrue();
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
            assertThat(refused.statusCode())
                    .as(refused.request().uri() + ": " + refused.body())
                    .isEqualTo(403);
        }
        assertThat(WebApiClient.anonymous().get("/admin/policies").statusCode()).isEqualTo(401);
    }

    @Test
    @RunAsClient
    void servesTheOpenApiDocumentWithoutCredentials() throws Exception {
        HttpResponse<String> document = WebApiClient.anonymous().get("http://127.0.0.1:8080/parley/openapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(document.body()).as(document.body()).contains("openapi: 3.0");
        assertThat(document.body()).contains("/admin/compliance/run:");
    }

    @Test
    @RunAsClient
    void aPolicyThatDisablesChatLocksTheUserOutUntilCleared() throws Exception {
        String policy = "NoChat " + run;
        HttpResponse<String> defined = admin.put("/admin/policies/" + segment(policy), "{\"chatEnabled\": false}");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
        assertThat(object(defined).getString("name")).isEqualTo(policy);
        assertThat(object(defined).getBoolean("chatEnabled")).isFalse();
        assertProblem(
                admin.put("/admin/policies/" + segment(policy), "{}"), 400, "urn:parley:problem:constraint-violation");

        HttpResponse<String> global = admin.put("/admin/policies/global", "{\"chatEnabled\": true}");
        assertThat(global.statusCode()).as(global.body()).isEqualTo(200);
        assertThat(object(global).getString("name")).isEqualTo("Global");

        JsonObject page = object(admin.get("/admin/policies?size=100"));
        assertThat(page.getInt("page")).isEqualTo(0);
        assertThat(page.getInt("size")).isEqualTo(100);
        assertThat(names(page).containsAll(List.of("Global", policy)))
                .as(page.toString())
                .isTrue();
        assertThat(object(admin.get("/admin/policies?size=1"))
                        .getJsonArray("items")
                        .size())
                .isEqualTo(1);
        assertProblem(admin.get("/admin/policies?size=101"), 400, "urn:parley:problem:constraint-violation");

        String carolPath = "/admin/users/" + segment("sip:carol@contoso.com");
        JsonObject before = object(admin.get(carolPath));
        assertThat(before.getString("uri")).isEqualTo("sip:carol@contoso.com");
        assertThat(before.getBoolean("administrator")).isFalse();
        assertThat(object(admin.get("/admin/users/admin")).getBoolean("administrator"))
                .as("a sign-in name names the same user")
                .isTrue();

        try {
            HttpResponse<String> assigned = admin.put(carolPath + "/policy", "{\"policy\": \"" + policy + "\"}");
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            assertThat(object(assigned).getJsonObject("policy").getString("name"))
                    .isEqualTo(policy);
            assertProblem(carol.get("/rooms"), 403, "urn:parley:problem:disabled-by-policy");
        } finally {
            HttpResponse<String> cleared = admin.put(carolPath + "/policy", "{\"policy\": null}");
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            assertThat(object(cleared).getJsonObject("policy").getString("name"))
                    .isEqualTo("Global");
        }
        assertThat(carol.get("/rooms").statusCode()).as("back under Global").isEqualTo(200);
        assertProblem(
                admin.put(carolPath + "/policy", "{\"policy\": \"None " + run + "\"}"),
                404,
                "urn:parley:problem:not-found");
        assertProblem(admin.get("/admin/users/" + segment("sip:")), 400, "urn:parley:problem:invalid");
    }

    @Test
    @RunAsClient
    void categorySettingsNeedTheVersionReadAndListsChangeOneByOne() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Admin %s", "allowedMembers": ["domain:contoso.com"]}""".formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = "/admin/categories/" + id;
        String settings = """
                {"name": "Admin %s", "description": "%s", "invitationsAllowed": false, "fileUploadAllowed": true,
                 "chatHistoryEnabled": true}""";

        assertProblem(admin.put(path, settings.formatted(run, "first")), 428, "about:blank");
        HttpResponse<String> updated = admin.put(path, settings.formatted(run, "first"), "If-Match", etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(object(updated).getString("description")).isEqualTo("first");
        assertThat(object(updated).getBoolean("invitationsAllowed")).isFalse();
        String newEtag = updated.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);
        assertProblem(
                admin.put(path, settings.formatted(run, "stale"), "If-Match", etag),
                412,
                "urn:parley:problem:stale-version");
        assertProblem(
                admin.put(path, "{\"name\": \"Admin " + run + "\"}", "If-Match", newEtag),
                400,
                "urn:parley:problem:constraint-violation");
        assertProblem(
                admin.put("/admin/categories/" + UUID.randomUUID(), settings.formatted(run, "x"), "If-Match", "*"),
                404,
                "urn:parley:problem:not-found");

        String bob = segment("sip:bob@contoso.com");
        HttpResponse<String> granted = admin.put(path + "/creators/" + bob);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(strings(object(granted), "creators")).contains("sip:bob@contoso.com");
        assertThat(granted.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(newEtag);
        assertThat(strings(object(admin.put(path + "/denied-members/" + bob)), "deniedMembers"))
                .contains("sip:bob@contoso.com");
        HttpResponse<String> revoked = admin.delete(path + "/denied-members/" + bob);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(strings(object(revoked), "deniedMembers")).doesNotContain("sip:bob@contoso.com");
        assertThat(strings(
                        object(admin.delete(path + "/allowed-members/" + segment("domain:contoso.com"))),
                        "allowedMembers"))
                .isEmpty();
        assertProblem(admin.put(path + "/creators/nobody"), 400, "urn:parley:problem:invalid");
        assertThat(admin.put(path + "/owners/" + bob).statusCode()).isEqualTo(404);
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
            JsonObject room = alice.createRoom("""
                    {"name": "%s", "privacy": "OPEN"}""".formatted(name));
            ids.add(room.getString("id"));
        }
        for (String id : ids) {
            String uri = "ma-chan://contoso.com/" + id;
            posts.post("sip:alice@contoso.com", uri, "the password is " + leak, Instant.now());
            posts.post("sip:alice@contoso.com", uri, "nothing to see", Instant.now());
        }
        String filter = """
                {"textContains": "%s", "dryRun": %s}""";
        assertThat(alice.post("/admin/history/remove", filter.formatted(leak, true))
                        .statusCode())
                .isEqualTo(403);
        assertProblem(admin.post("/admin/history/remove", "{\"dryRun\": true}"), 400, "urn:parley:problem:invalid");

        HttpResponse<String> dry = admin.post("/admin/history/remove", filter.formatted(leak, true));
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(object(dry).getJsonNumber("messages").longValue()).isEqualTo(2);
        assertThat(object(dry).getJsonNumber("files").longValue())
                .as("no file was announced")
                .isEqualTo(0);
        assertThat(object(dry).getBoolean("dryRun")).isTrue();
        assertThat(history.last("sip:alice@contoso.com", "ma-chan://contoso.com/" + ids.get(0), 10)
                        .size())
                .as("the dry run removed nothing")
                .isEqualTo(2);

        HttpResponse<String> done = admin.post("/admin/history/remove", filter.formatted(leak, false));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(object(done).getJsonNumber("messages").longValue()).isEqualTo(2);
        for (String id : ids) {
            assertThat(history.last("sip:alice@contoso.com", "ma-chan://contoso.com/" + id, 10).stream()
                            .map(MessageView::text)
                            .toList())
                    .isEqualTo(List.of("nothing to see"));
            JsonObject change = object(admin.get("/admin/rooms/" + id + "/history/changes"))
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(change.getString("kind")).isEqualTo("REMOVED_MATCHING");
            assertThat(change.getJsonNumber("messagesAffected").longValue()).isEqualTo(1);
            assertThat(change.getString("filter")).as(change::toString).contains(leak);
        }
    }

    /** Retention over HTTP: set on a category and overridden on a room; the dry run lists what a run would take. */
    @Test
    @RunAsClient
    void retentionIsSetOnACategoryOverriddenOnARoomAndPreviewed() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Kept %s", "allowedMembers": ["domain:contoso.com"], "creators": ["domain:contoso.com"]}""".formatted(run));
        String category = object(created).getString("id");
        List<String> rooms = new java.util.ArrayList<>();
        for (String name : List.of("Kept " + run, "Forever " + run)) {
            HttpResponse<String> room =
                    alice.post("/rooms", """
                    {"name": "%s", "privacy": "OPEN", "categoryUri": "%s"}""".formatted(name, object(created).getString("uri")));
            assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
            rooms.add(object(room).getString("uri"));
        }
        String forever = rooms.get(1).substring(rooms.get(1).lastIndexOf('/') + 1);

        assertThat(alice.put("/admin/categories/" + category + "/retention", "{\"days\": 30}")
                        .statusCode())
                .isEqualTo(403);
        assertProblem(
                admin.put("/admin/categories/" + category + "/retention", "{\"days\": 40000}"),
                400,
                "urn:parley:problem:constraint-violation");
        HttpResponse<String> set = admin.put("/admin/categories/" + category + "/retention", "{\"days\": 30}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(object(set).getInt("days")).isEqualTo(30);
        assertThat(object(admin.put("/admin/rooms/" + forever + "/retention", "{\"days\": 0}"))
                        .getInt("days"))
                .isEqualTo(0);

        JsonArray preview = jakarta.json.Json.createReader(
                        new java.io.StringReader(admin.get("/admin/retention").body()))
                .readArray();
        List<String> previewed = preview.getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("roomUri"))
                .toList();
        assertThat(previewed).as(preview::toString).contains(rooms.get(0));
        assertThat(previewed).as("a room that keeps history for ever").doesNotContain(rooms.get(1));
        assertThat(alice.post("/admin/retention/run", "").statusCode()).isEqualTo(403);
        HttpResponse<String> ran = admin.post("/admin/retention/run", "");
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(ran.body()).as("nothing in it is 30 days old").doesNotContain(rooms.get(0));
        assertThat(admin.put("/admin/categories/" + category + "/retention", "{\"days\": null}")
                        .statusCode())
                .isEqualTo(200);
    }

    /** Add-ins: registered by an administrator, picked by a room's manager, seen in REST and by a SIP client. */
    @Test
    @RunAsClient
    void anAddInRegisteredByAnAdministratorIsPickedForARoomAndReachesItsClients() throws Exception {
        String name = "Board " + run;
        String path = "/admin/addins/" + name.replace(" ", "%20");
        assertThat(alice.put(path, "{\"url\": \"https://board.contoso.com/\"}").statusCode())
                .isEqualTo(403);
        assertProblem(admin.put(path, "{\"url\": \"javascript:alert(1)\"}"), 400, "urn:parley:problem:invalid");
        HttpResponse<String> registered = admin.put(path, "{\"url\": \"https://board.contoso.com/" + run + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(alice.get("/admin/addins").body())
                .as("users list them to pick one")
                .contains(name);

        HttpResponse<String> room = alice.post("/rooms", """
                {"name": "Boarded %s", "privacy": "OPEN"}""".formatted(run));
        JsonObject created = object(room);
        String roomPath = "/rooms/" + created.getString("id");
        HttpResponse<String> picked = alice.put(roomPath + "/addin", "{\"addIn\": \"" + name + "\"}");
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(200);
        assertThat(object(picked).getString("addIn")).isEqualTo(name);
        assertThat(object(alice.get(roomPath)).getString("addInUrl")).isEqualTo("https://board.contoso.com/" + run);

        try (XccosTestClient sip = XccosTestClient.signIn("sip:bob@contoso.com")) {
            org.w3c.dom.Document search = sip.command(
                    "cmd:chansrch", "<data><qib qtype=\"BYNAME\" criteria=\"Boarded " + run + "\"/></data>");
            assertThat(XccosTestClient.text(
                            search,
                            "//chanib[@uri='" + created.getString("uri") + "']/info[@id='urn:parlano:ma:info:addin']"))
                    .as(() -> XccosTestClient.xml(search))
                    .isEqualTo("https://board.contoso.com/" + run);
        }

        assertThat(admin.delete(path).statusCode()).isEqualTo(204);
        assertThat(object(alice.get(roomPath)).containsKey("addIn")
                        && !object(alice.get(roomPath)).isNull("addIn"))
                .as("the room has none once the add-in is removed")
                .isFalse();
    }

    /** Remove-CsPersistentChatCategory, Remove-CsPersistentChatPolicy and the administrator right, over HTTP. */
    @Test
    @RunAsClient
    void categoriesAndPoliciesAreRemovedAndTheAdministratorRightGrantedAndRevoked() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Closing %s", "allowedMembers": ["domain:contoso.com"], "creators": ["domain:contoso.com"]}""".formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> room =
                alice.post("/rooms", """
                {"name": "Moving %s", "privacy": "OPEN", "categoryUri": "%s"}""".formatted(run, object(created).getString("uri")));
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        String roomPath = "/rooms/" + object(room).getString("id");
        String rootId = admin.all("/categories").getValuesAs(JsonObject.class).stream()
                .filter(category -> category.getString("name").equals("Root"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        String path = "/admin/categories/" + id;

        assertThat(alice.delete(path, "If-Match", etag).statusCode()).isEqualTo(403);
        assertProblem(admin.delete(path, "If-Match", etag), 409, "urn:parley:problem:conflict");
        assertProblem(
                admin.delete(path + "?moveRoomsTo=not-a-guid", "If-Match", etag),
                400,
                "urn:parley:problem:constraint-violation");
        assertProblem(admin.delete("/admin/categories/" + rootId, "If-Match", "*"), 409, "urn:parley:problem:conflict");
        HttpResponse<String> removed = admin.delete(path + "?moveRoomsTo=" + rootId, "If-Match", etag);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(object(removed).getInt("roomsMoved")).isEqualTo(1);
        assertThat(admin.get("/categories/" + id).statusCode()).isEqualTo(404);
        assertThat(object(alice.get(roomPath)).getString("categoryName"))
                .as("the room moved to Root")
                .isEqualTo("Root");

        String policy = "Closing-" + run;
        assertThat(admin.put("/admin/policies/" + policy, "{\"chatEnabled\": false}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.put("/admin/users/carol/policy", "{\"policy\": \"" + policy + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(alice.delete("/admin/policies/" + policy).statusCode()).isEqualTo(403);
        assertProblem(admin.delete("/admin/policies/Global"), 409, "urn:parley:problem:conflict");
        HttpResponse<String> dropped = admin.delete("/admin/policies/" + policy);
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
        assertThat(object(dropped).getInt("usersBackOnGlobal")).isEqualTo(1);
        assertThat(object(admin.get("/admin/users/carol"))
                        .getJsonObject("policy")
                        .getString("name"))
                .isEqualTo("Global");
        assertThat(admin.delete("/admin/policies/" + policy).statusCode()).isEqualTo(404);

        HttpResponse<String> granted = admin.put("/admin/administrators/bob");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(object(granted).getBoolean("administrator")).isTrue();
        assertThat(admin.get("/admin/administrators").body()).contains("sip:bob@contoso.com");
        HttpResponse<String> revoked = admin.delete("/admin/administrators/bob");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(object(revoked).getBoolean("administrator")).isFalse();
        assertThat(admin.get("/admin/administrators").body()).doesNotContain("sip:bob@contoso.com");
        assertThat(alice.put("/admin/administrators/alice").statusCode()).isEqualTo(403);
    }

    @Test
    @RunAsClient
    void onlyAdministratorsSeeWhoACategoryAllowsDeniesAndLetsCreate() throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "Lists %s", "description": "who is who", "allowedMembers": ["domain:contoso.com"],
                 "deniedMembers": ["sip:mallory@contoso.com"], "creators": ["sip:bob@contoso.com"]}""".formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = object(created).getString("id");
        List<String> principalLists = List.of("allowedMembers", "deniedMembers", "creators");

        JsonObject listedToAlice = categoryIn(alice.all("/categories"), id);
        JsonObject aloneToAlice = object(alice.get("/categories/" + id));
        for (JsonObject seen : List.of(listedToAlice, aloneToAlice)) {
            assertThat(seen.getString("name")).as(seen.toString()).isEqualTo("Lists " + run);
            assertThat(seen.getString("description")).as(seen.toString()).isEqualTo("who is who");
            assertThat(seen.containsKey("invitationsAllowed")
                            && seen.containsKey("fileUploadAllowed")
                            && seen.containsKey("chatHistoryEnabled"))
                    .as(seen.toString())
                    .isTrue();
            for (String list : principalLists) {
                assertThat(seen).as(() -> list + " shown to a user: " + seen).doesNotContainKey(list);
            }
        }
        for (JsonObject seen :
                List.of(categoryIn(admin.all("/categories"), id), object(admin.get("/categories/" + id)))) {
            assertThat(strings(seen, "allowedMembers")).as(seen.toString()).isEqualTo(List.of("domain:contoso.com"));
            assertThat(strings(seen, "deniedMembers"))
                    .as(seen.toString())
                    .isEqualTo(List.of("sip:mallory@contoso.com"));
            assertThat(strings(seen, "creators")).as(seen.toString()).isEqualTo(List.of("sip:bob@contoso.com"));
        }
    }

    private static JsonObject categoryIn(jakarta.json.JsonArray categories, String id) {
        return categories.stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("category " + id + " not listed: " + categories));
    }

    @Test
    @RunAsClient
    void groupsAreCreatedFilledEmptiedAndDeleted() throws Exception {
        String name = "Team " + run;
        String path = "/admin/groups/" + segment(name);
        HttpResponse<String> created = admin.post("/admin/groups", """
                {"name": "%s", "description": "the team"}""".formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo(WebApiClient.BASE + path);
        assertThat(object(created).getString("principal").equalsIgnoreCase("group:" + name))
                .as(created.body())
                .isTrue();
        assertProblem(admin.post("/admin/groups", "{\"name\": \"" + name + "\"}"), 409, "urn:parley:problem:conflict");
        assertProblem(admin.post("/admin/groups", "{\"name\": \" \"}"), 400, "urn:parley:problem:constraint-violation");

        HttpResponse<String> added = admin.put(path + "/members/bob");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(strings(object(added), "members")).isEqualTo(List.of("sip:bob@contoso.com"));
        admin.put(path + "/members/" + segment("sip:alice@contoso.com"));
        assertThat(strings(object(admin.get(path)), "members"))
                .isEqualTo(List.of("sip:alice@contoso.com", "sip:bob@contoso.com"));
        assertThat(names(object(admin.get("/admin/groups?size=100")))).contains(name);

        assertThat(strings(object(admin.delete(path + "/members/bob")), "members"))
                .isEqualTo(List.of("sip:alice@contoso.com"));
        assertThat(admin.delete(path).statusCode()).isEqualTo(204);
        assertProblem(admin.get(path), 404, "urn:parley:problem:not-found");
        assertProblem(admin.delete(path), 404, "urn:parley:problem:not-found");
    }

    /** In the container: the messages to rewrite are posted through the post service, as a client's would be. */
    @Test
    void historyRewritesAreRecordedInTheRoomsChanges() throws Exception {
        JsonObject created = alice.createRoom("""
                {"name": "Rewritten %s", "privacy": "OPEN"}""".formatted(run));
        JsonObject room = created;
        String path = "/admin/rooms/" + room.getString("id");
        long first = posts.post("sip:alice@contoso.com", room.getString("uri"), "first " + run, Instant.now())
                .message()
                .seq();
        long second = posts.post("sip:alice@contoso.com", room.getString("uri"), "second " + run, Instant.now())
                .message()
                .seq();
        posts.post("sip:alice@contoso.com", room.getString("uri"), "third " + run, Instant.now());

        assertThat(alice.put(path + "/messages/" + first, "{\"text\": \"mine\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> replaced = admin.put(path + "/messages/" + first, "{\"text\": \"[redacted]\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(object(replaced).getString("kind")).isEqualTo("REPLACED");
        assertThat(object(replaced).getJsonNumber("messageSeq").longValue()).isEqualTo(first);
        assertThat(object(replaced).getString("oldTextSha256").length()).isEqualTo(64);

        HttpResponse<String> removed = admin.delete(path + "/messages/" + second);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(object(removed).getString("kind")).isEqualTo("REMOVED");
        assertProblem(admin.delete(path + "/messages/" + second), 404, "urn:parley:problem:not-found");

        HttpResponse<String> cleared =
                admin.post(path + "/history/clear", """
                {"before": "%s"}""".formatted(Instant.now().plusSeconds(1)));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(object(cleared).getString("kind")).isEqualTo("CLEARED_BEFORE");
        assertThat(object(cleared).getJsonNumber("messagesAffected").longValue())
                .as("the first and the third")
                .isEqualTo(2);
        assertProblem(admin.post(path + "/history/clear", "{}"), 400, "urn:parley:problem:constraint-violation");

        JsonObject changes = object(admin.get(path + "/history/changes"));
        assertThat(changes.getInt("totalItems")).isEqualTo(3);
        assertThat(changes.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(change -> change.getString("kind"))
                        .toList())
                .isEqualTo(List.of("REPLACED", "REMOVED", "CLEARED_BEFORE"));
        assertThat(changes.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .allMatch(change -> change.getString("actor").equals("sip:admin@contoso.com")))
                .isTrue();
        assertThat(object(admin.get(path + "/history/changes?page=1&size=2"))
                        .getJsonArray("items")
                        .size())
                .isEqualTo(1);
        assertProblem(
                admin.get("/admin/rooms/" + UUID.randomUUID() + "/history/changes"),
                404,
                "urn:parley:problem:not-found");
    }

    @Test
    @RunAsClient
    void complianceShowsItsBacklogAdaptersAndDeadLettersAndRunsOnDemand() throws Exception {
        // Something to archive, so both adapters have taken at least one event by the end.
        assertThat(alice.post("/rooms", """
                {"name": "Audited by admin %s", "privacy": "OPEN"}""".formatted(run)).statusCode()).isEqualTo(201);

        JsonObject status = Eventually.await(
                Duration.ofSeconds(60),
                () -> {
                    try {
                        HttpResponse<String> ran = admin.post("/admin/compliance/run", "");
                        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
                        JsonObject outcome = object(ran);
                        for (String field : List.of("delivered", "failures", "deleted")) {
                            assertThat(outcome.getInt(field) >= 0)
                                    .as(outcome.toString())
                                    .isTrue();
                        }
                        return object(admin.get("/admin/compliance"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                seen -> seen.getJsonArray("adapters").getValuesAs(JsonObject.class).stream()
                        .filter(adapter -> adapter.get("lastSuccessAt") instanceof JsonString)
                        .map(adapter -> adapter.getString("name"))
                        .toList()
                        .containsAll(List.of("xml", "jsonl")));

        assertThat(status.getBoolean("enabled")).isTrue();
        assertThat(strings(status, "configuredAdapters")).isEqualTo(List.of("xml", "jsonl"));
        assertThat(status.getJsonNumber("backlogEvents").longValue() >= 0).isTrue();
        for (JsonObject adapter : status.getJsonArray("adapters").getValuesAs(JsonObject.class)) {
            for (String number : List.of("lastEventId", "deliveredEvents", "failures")) {
                assertThat(adapter.get(number) instanceof JsonNumber)
                        .as(adapter.toString())
                        .isTrue();
            }
        }
        JsonObject deadLetters = status.getJsonObject("deadLetters");
        assertThat(deadLetters.getInt("count")
                        >= deadLetters.getJsonArray("messages").size())
                .as(deadLetters.toString())
                .isTrue();
        assertThat(deadLetters.getJsonArray("messages").size() <= 5).isTrue();
        assertThat(deadLetters.getBoolean("countLimited")).isFalse();
        for (JsonObject message : deadLetters.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            assertThat(message.containsKey("messageId") && message.containsKey("sentAt"))
                    .as(message.toString())
                    .isTrue();
        }
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("name"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    /**
     * A history clear takes the room's files with it; their bytes stay on disk while younger than the clean-up's
     * grace period (an hour in the test run), even when the clean-up runs right away.
     */
    @Test
    @RunAsClient
    void clearingHistoryRemovesTheRoomsFilesAndTheCleanUpSparesRecentBytes() throws Exception {
        JsonObject created = alice.createRoom("""
                {"name": "Cleared files %s", "privacy": "OPEN"}""".formatted(run));
        String id = created.getString("id");
        HttpResponse<String> uploaded = alice.put("/rooms/" + id + "/files/cleared.json", "{\"run\": \"" + run + "\"}");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonObject file = object(uploaded);
        String sha256 = file.getString("sha256");
        java.nio.file.Path bytes = java.nio.file.Path.of(
                System.getProperty("parley.test.server.base"),
                "data",
                "parley",
                "files",
                sha256.substring(0, 2),
                sha256);
        assertThat(java.nio.file.Files.isRegularFile(bytes))
                .as(bytes.toString())
                .isTrue();

        HttpResponse<String> cleared = admin.post("/admin/rooms/" + id + "/history/clear", """
                {"before": "%s"}""".formatted(
                        Instant.now().plusSeconds(1)));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertProblem(alice.get("/files/" + file.getJsonNumber("id").longValue()), 404, "urn:parley:problem:not-found");
        assertThat(object(alice.get("/rooms/" + id + "/files")).getInt("totalItems"))
                .isEqualTo(0);

        assertThat(alice.post("/admin/files/cleanup", "").statusCode()).isEqualTo(403);
        HttpResponse<String> cleanup = admin.post("/admin/files/cleanup", "");
        assertThat(cleanup.statusCode()).as(cleanup.body()).isEqualTo(200);
        for (String count : List.of("orphansDeleted", "tokensPurged", "abandonedUploadsDeleted")) {
            assertThat(object(cleanup).getInt(count) >= 0).as(cleanup.body()).isTrue();
        }
        assertThat(java.nio.file.Files.isRegularFile(bytes))
                .as("within the grace period the bytes stay")
                .isTrue();
    }
}
