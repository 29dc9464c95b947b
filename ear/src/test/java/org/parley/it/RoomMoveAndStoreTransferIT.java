package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.assertProblem;
import static org.parley.it.WebApiClient.object;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moving rooms between categories (managers and administrators), and the store's export and import over HTTP:
 * a room and its category exported, given new GUIDs and names (so they are new to this store, as to an empty
 * one), imported, and exported again unchanged; imports that change nothing, or conflict and import nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomMoveAndStoreTransferIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");
    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RoomMoveAndStoreTransferIT.class, WebApiClient.class);
    }

    private JsonObject category(String name, String creators, boolean files) throws Exception {
        HttpResponse<String> created = admin.post("/categories", """
                {"name": "%s %s", "allowedMembers": ["domain:contoso.com"], "creators": [%s],
                 "fileUploadAllowed": %s}""".formatted(name, run, creators, files));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return object(created);
    }

    @Test
    void managersMoveRoomsToCategoriesTheyMayCreateRoomsInAdministratorsAnywhere() throws Exception {
        JsonObject permitted = category("Move to", "\"sip:alice@contoso.com\"", false);
        JsonObject locked = category("Locked", "", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Moving %s", "privacy": "OPEN"}""".formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String to = "{\"categoryUri\": \"%s\"}";

        assertProblem(
                alice.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri"))), 428, "about:blank");
        assertProblem(
                alice.put("/rooms/" + id + "/category", to.formatted(locked.getString("uri")), "If-Match", etag),
                403,
                "urn:parley:problem:forbidden");
        assertProblem(
                bob.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri")), "If-Match", "*"),
                403,
                "urn:parley:problem:forbidden");
        assertProblem(
                alice.put("/rooms/" + id + "/category", "{}", "If-Match", etag),
                400,
                "urn:parley:problem:constraint-violation");
        assertProblem(
                alice.put("/rooms/" + id + "/category", "{\"categoryUri\": ", "If-Match", etag), 400, "about:blank");

        HttpResponse<String> moved =
                alice.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri")), "If-Match", etag);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(object(moved).getString("categoryUri")).isEqualTo(permitted.getString("uri"));
        assertThat(object(moved).getBoolean("fileUploadAllowed")).isEqualTo(false);
        String movedTag = moved.headers().firstValue("ETag").orElseThrow();
        assertThat(movedTag).isNotEqualTo(etag);
        assertProblem(
                admin.put("/admin/rooms/" + id + "/category", to.formatted(locked.getString("uri")), "If-Match", etag),
                412,
                "urn:parley:problem:stale-version");
        assertProblem(
                alice.put(
                        "/admin/rooms/" + id + "/category",
                        to.formatted(locked.getString("uri")),
                        "If-Match",
                        movedTag),
                403,
                "about:blank");

        HttpResponse<String> byAdmin = admin.put(
                "/admin/rooms/" + id + "/category", to.formatted(locked.getString("uri")), "If-Match", movedTag);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(object(alice.get("/rooms/" + id)).getString("categoryUri")).isEqualTo(locked.getString("uri"));
    }

    @Test
    void anExportImportedAsNewExportsTheSameAndImportingAgainChangesNothing() throws Exception {
        JsonObject category = category("Exported", "\"sip:alice@contoso.com\"", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Exported %s", "description": "with history", "privacy": "CLOSED",
                 "categoryUri": "%s"}""".formatted(run, category.getString("uri")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject room = object(created);
        assertThat(alice.put("/rooms/" + room.getString("id") + "/members/"
                                + WebApiClient.segment("sip:bob@contoso.com"))
                        .statusCode())
                .isEqualTo(200);
        for (String name : new String[] {"one.txt", "two.txt"}) {
            HttpResponse<String> file = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(WebApiClient.BASE + "/rooms/" + room.getString("id") + "/files/" + name))
                            .header("Authorization", basic("bob", "secret"))
                            .PUT(HttpRequest.BodyPublishers.ofString("content of " + name))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        }

        HttpResponse<String> exportResponse = admin.get("/admin/export");
        assertThat(exportResponse.statusCode()).as(exportResponse.body()).isEqualTo(200);
        assertThat(exportResponse.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/json");
        JsonObject export = object(exportResponse);
        assertThat(export.getString("format")).isEqualTo("parley-chat-store");
        assertThat(export.getInt("version")).isEqualTo(1);
        JsonObject exportedRoom = find(export, "rooms", room.getString("uri")).orElseThrow();
        JsonObject exportedCategory =
                find(export, "categories", category.getString("uri")).orElseThrow();
        assertThat(exportedRoom.getJsonArray("messages").size()).isEqualTo(2);
        assertThat(exportedRoom.getJsonNumber("lastMessageSeq").longValue()).isEqualTo(2);
        assertThat(exportedRoom.getJsonArray("members").toString()).contains("sip:bob@contoso.com");
        assertThat(exportedRoom.getJsonArray("messages").getJsonObject(0).getString("text"))
                .startsWith("[file] one.txt");

        String categoryCopy = "ma-cat://contoso.com/" + UUID.randomUUID();
        String roomCopy = "ma-chan://contoso.com/" + UUID.randomUUID();
        JsonObject copiedCategory = Json.createObjectBuilder(exportedCategory)
                .add("uri", categoryCopy)
                .add("name", exportedCategory.getString("name") + " copy")
                .build();
        JsonObject copiedRoom = Json.createObjectBuilder(exportedRoom)
                .add("uri", roomCopy)
                .add("categoryUri", categoryCopy)
                .add("name", exportedRoom.getString("name") + " copy")
                .build();
        String document = Json.createObjectBuilder()
                .add("format", "parley-chat-store")
                .add("version", 1)
                .add("domain", "contoso.com")
                .add("policies", export.getJsonArray("policies"))
                .add("users", export.getJsonArray("users"))
                .add("groups", export.getJsonArray("groups"))
                .add("categories", Json.createArrayBuilder().add(copiedCategory))
                .add("rooms", Json.createArrayBuilder().add(copiedRoom))
                .build()
                .toString();

        HttpResponse<String> imported = admin.post("/admin/import", document);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject report = object(imported);
        assertThat(report.getInt("rooms")).isEqualTo(1);
        assertThat(report.getInt("categories")).isEqualTo(1);
        assertThat(report.getInt("messages")).isEqualTo(2);

        JsonObject second = object(admin.get("/admin/export"));
        assertThat(find(second, "rooms", roomCopy).orElseThrow()).isEqualTo(copiedRoom);
        assertThat(find(second, "categories", categoryCopy).orElseThrow()).isEqualTo(copiedCategory);
        assertThat(find(second, "rooms", room.getString("uri")).orElseThrow()).isEqualTo(exportedRoom);
        HttpResponse<String> copyAsBob = bob.get("/rooms/" + roomCopy.substring(roomCopy.lastIndexOf('/') + 1));
        assertThat(copyAsBob.statusCode())
                .as("bob is a member of the copy too: " + copyAsBob.body())
                .isEqualTo(200);

        JsonObject again = object(admin.post("/admin/import", document));
        assertThat(again.getInt("rooms")
                        + again.getInt("categories")
                        + again.getInt("messages")
                        + again.getInt("users")
                        + again.getInt("groups")
                        + again.getInt("policies"))
                .as(again.toString())
                .isEqualTo(0);
        assertThat(find(object(admin.get("/admin/export")), "rooms", roomCopy).orElseThrow())
                .isEqualTo(copiedRoom);
    }

    /**
     * An export of one room with its files, imported as a copy with the files; an export limited to dates; and an
     * update whose dry run changes nothing before the import itself does.
     */
    @Test
    void anExportTakesSomeRoomsDatesAndFilesAndAnUpdateIsTriedFirst() throws Exception {
        JsonObject category = category("Filtered", "\"sip:alice@contoso.com\"", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Filtered %s", "privacy": "CLOSED", "categoryUri": "%s"}""".formatted(run, category.getString("uri")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject room = object(created);
        String id = room.getString("id");
        for (String name : new String[] {"one.txt", "two.txt"}) {
            HttpResponse<String> file = alice.put("/rooms/" + id + "/files/" + name, "content of " + name);
            assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        }

        HttpResponse<String> response = admin.get("/admin/export?room=" + id + "&files=true");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject export = object(response);
        assertThat(export.getJsonArray("rooms").size())
                .as("only the room named")
                .isEqualTo(1);
        assertThat(export.getJsonArray("categories").getJsonObject(0).getString("uri"))
                .isEqualTo(category.getString("uri"));
        assertThat(export.getJsonArray("categories").size())
                .as("only its category")
                .isEqualTo(1);
        JsonArray files = export.getJsonArray("files");
        assertThat(files.size()).as(files.toString()).isEqualTo(2);
        assertThat(new String(
                        Base64.getDecoder().decode(files.getJsonObject(0).getString("content")),
                        StandardCharsets.UTF_8))
                .isEqualTo("content of one.txt");

        JsonObject later =
                object(admin.get("/admin/export?category=" + category.getString("id") + "&from=2999-01-01T00:00:00Z"));
        assertThat(find(later, "rooms", room.getString("uri"))
                        .orElseThrow()
                        .getJsonArray("messages")
                        .size())
                .isEqualTo(0);
        assertThat(!later.containsKey("files")).as("no files unless asked").isTrue();
        assertProblem(admin.get("/admin/export?from=yesterday"), 400, "about:blank");
        assertProblem(
                admin.get("/admin/export?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z"),
                400,
                "urn:parley:problem:invalid");

        // A copy of the room with its files: the bytes come back as they were.
        String roomCopy = "ma-chan://contoso.com/" + UUID.randomUUID();
        JsonObject exportedRoom = export.getJsonArray("rooms").getJsonObject(0);
        var copiedFiles = Json.createArrayBuilder();
        files.forEach(file ->
                copiedFiles.add(Json.createObjectBuilder(file.asJsonObject()).add("roomUri", roomCopy)));
        String copy = Json.createObjectBuilder()
                .add("format", "parley-chat-store")
                .add("version", 1)
                .add(
                        "rooms",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(exportedRoom)
                                        .add("uri", roomCopy)
                                        .add("name", exportedRoom.getString("name") + " copy")))
                .add("files", copiedFiles)
                .build()
                .toString();
        String badBytes = copy.replace(files.getJsonObject(0).getString("sha256"), "0".repeat(64));
        assertProblem(admin.post("/admin/import", badBytes), 400, "urn:parley:problem:invalid");
        JsonObject report = object(admin.post("/admin/import", copy));
        assertThat(report.getInt("rooms")).as(report.toString()).isEqualTo(1);
        assertThat(report.getInt("files")).as(report.toString()).isEqualTo(2);
        String copyId = roomCopy.substring(roomCopy.lastIndexOf('/') + 1);
        JsonArray copiedRecords =
                object(alice.get("/rooms/" + copyId + "/files")).getJsonArray("items");
        assertThat(copiedRecords.size()).as(copiedRecords.toString()).isEqualTo(2);
        HttpResponse<String> bytes =
                alice.get("/files/" + copiedRecords.getJsonObject(0).getJsonNumber("id"));
        assertThat(bytes.body()).as(bytes.body()).startsWith("content of ");
        assertThat(object(admin.post("/admin/import", copy)).getInt("kept"))
                .as("the room and its two files, kept")
                .isEqualTo(3);

        // An update: tried first (nothing changes), then done.
        String changed = Json.createObjectBuilder()
                .add("format", "parley-chat-store")
                .add("version", 1)
                .add(
                        "rooms",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(exportedRoom).add("topic", "imported topic " + run)))
                .build()
                .toString();
        JsonObject dry = object(admin.post("/admin/import?mode=update&dryRun=true", changed));
        assertThat(dry.getInt("updated")).as(dry.toString()).isEqualTo(1);
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getJsonArray("changes").getString(0)).isEqualTo("room " + room.getString("name") + ": settings");
        assertThat(!object(alice.get("/rooms/" + id)).containsKey("topic"))
                .as("the dry run changed nothing")
                .isTrue();
        JsonObject done = object(admin.post("/admin/import?mode=update", changed));
        assertThat(done.getJsonArray("changes")).isEqualTo(dry.getJsonArray("changes"));
        assertThat(object(alice.get("/rooms/" + id)).getString("topic")).isEqualTo("imported topic " + run);
    }

    @Test
    void aConflictingOrMalformedImportChangesNothing() throws Exception {
        String newCategory = "ma-cat://contoso.com/" + UUID.randomUUID();
        HttpResponse<String> taken = alice.post("/rooms", """
                {"name": "Taken %s", "privacy": "OPEN"}""".formatted(run));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String document = """
                {"format": "parley-chat-store", "version": 1,
                 "categories": [{"uri": "%s", "name": "Never %s", "invitationsAllowed": true,
                   "fileUploadAllowed": true, "chatHistoryEnabled": true, "createdAt": "2024-01-01T00:00:00Z",
                   "allowedMembers": ["domain:contoso.com"], "deniedMembers": [], "creators": []}],
                 "rooms": [{"uri": "ma-chan://contoso.com/%s", "categoryUri": "%s", "name": "Taken %s",
                   "privacy": "OPEN", "type": "NORMAL", "invitations": "INHERIT", "disabled": false,
                   "createdAt": "2024-01-01T00:00:00Z", "lastMessageSeq": 0, "members": [],
                   "managers": ["sip:alice@contoso.com"], "presenters": [], "messages": []}]}""".formatted(newCategory, run, UUID.randomUUID(), newCategory, run);

        assertProblem(admin.post("/admin/import", document), 409, "urn:parley:problem:conflict");
        assertProblem(
                admin.get("/categories/" + newCategory.substring(newCategory.lastIndexOf('/') + 1)),
                404,
                "urn:parley:problem:not-found");
        assertProblem(
                admin.post("/admin/import", document.replace("\"version\": 1", "\"version\": 2")),
                400,
                "urn:parley:problem:invalid");
        assertProblem(
                admin.post("/admin/import", "{\"format\": \"parley-chat-store\", \"rooms\": [}"),
                400,
                "urn:parley:problem:invalid");
        assertProblem(
                admin.post("/admin/import", document.replace("\"OPEN\"", "\"WIDE OPEN\"")),
                400,
                "urn:parley:problem:invalid");
        assertProblem(admin.post("/admin/import?mode=merge", document), 400, "urn:parley:problem:constraint-violation");
        assertProblem(alice.post("/admin/import", document), 403, "about:blank");
        assertThat(alice.get("/admin/export").statusCode()).isEqualTo(403);
    }

    private static Optional<JsonObject> find(JsonObject export, String list, String uri) {
        JsonArray items = export.getJsonArray(list);
        return items.stream()
                .map(JsonValue::asJsonObject)
                .filter(item -> item.getString("uri").equals(uri))
                .findFirst();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unused")
    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
