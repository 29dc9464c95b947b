package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    private static final String PROBLEM = "application/problem+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        assertEquals(201, created.statusCode(), created.body());
        return object(created);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(type, object(response).getString("type"), response.body());
    }

    @Test
    void managersMoveRoomsToCategoriesTheyMayCreateRoomsInAdministratorsAnywhere() throws Exception {
        JsonObject permitted = category("Move to", "\"sip:alice@contoso.com\"", false);
        JsonObject locked = category("Locked", "", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Moving %s", "privacy": "OPEN"}""".formatted(run));
        assertEquals(201, created.statusCode(), created.body());
        String id = object(created).getString("id");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String to = "{\"categoryUri\": \"%s\"}";

        assertProblem(alice.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri"))), 428,
                "about:blank");
        assertProblem(alice.put("/rooms/" + id + "/category", to.formatted(locked.getString("uri")), "If-Match", etag),
                403, "urn:parley:problem:forbidden");
        assertProblem(bob.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri")), "If-Match", "*"),
                403, "urn:parley:problem:forbidden");
        assertProblem(alice.put("/rooms/" + id + "/category", "{}", "If-Match", etag), 400,
                "urn:parley:problem:constraint-violation");
        assertProblem(alice.put("/rooms/" + id + "/category", "{\"categoryUri\": ", "If-Match", etag), 400,
                "about:blank");

        HttpResponse<String> moved = alice.put("/rooms/" + id + "/category", to.formatted(permitted.getString("uri")),
                "If-Match", etag);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(permitted.getString("uri"), object(moved).getString("categoryUri"));
        assertEquals(false, object(moved).getBoolean("fileUploadAllowed"));
        String movedTag = moved.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, movedTag);
        assertProblem(admin.put("/admin/rooms/" + id + "/category", to.formatted(locked.getString("uri")),
                "If-Match", etag), 412, "urn:parley:problem:stale-version");
        assertProblem(alice.put("/admin/rooms/" + id + "/category", to.formatted(locked.getString("uri")),
                "If-Match", movedTag), 403, "about:blank");

        HttpResponse<String> byAdmin = admin.put("/admin/rooms/" + id + "/category", to.formatted(locked.getString("uri")),
                "If-Match", movedTag);
        assertEquals(200, byAdmin.statusCode(), byAdmin.body());
        assertEquals(locked.getString("uri"), object(alice.get("/rooms/" + id)).getString("categoryUri"));
    }

    @Test
    void anExportImportedAsNewExportsTheSameAndImportingAgainChangesNothing() throws Exception {
        JsonObject category = category("Exported", "\"sip:alice@contoso.com\"", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Exported %s", "description": "with history", "privacy": "CLOSED",
                 "categoryUri": "%s"}""".formatted(run, category.getString("uri")));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject room = object(created);
        assertEquals(200, alice.put("/rooms/" + room.getString("id") + "/members/"
                + WebApiClient.segment("sip:bob@contoso.com")).statusCode());
        for (String name : new String[] {"one.txt", "two.txt"}) {
            HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(WebApiClient.BASE + "/rooms/"
                            + room.getString("id") + "/files/" + name)).header("Authorization", basic("bob", "secret"))
                    .PUT(HttpRequest.BodyPublishers.ofString("content of " + name)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, file.statusCode(), file.body());
        }

        HttpResponse<String> exportResponse = admin.get("/admin/export");
        assertEquals(200, exportResponse.statusCode(), exportResponse.body());
        assertTrue(exportResponse.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonObject export = object(exportResponse);
        assertEquals("parley-chat-store", export.getString("format"));
        assertEquals(1, export.getInt("version"));
        JsonObject exportedRoom = find(export, "rooms", room.getString("uri")).orElseThrow();
        JsonObject exportedCategory = find(export, "categories", category.getString("uri")).orElseThrow();
        assertEquals(2, exportedRoom.getJsonArray("messages").size());
        assertEquals(2, exportedRoom.getJsonNumber("lastMessageSeq").longValue());
        assertTrue(exportedRoom.getJsonArray("members").toString().contains("sip:bob@contoso.com"));
        assertTrue(exportedRoom.getJsonArray("messages").getJsonObject(0).getString("text").startsWith("[file] one.txt"));

        String categoryCopy = "ma-cat://contoso.com/" + UUID.randomUUID();
        String roomCopy = "ma-chan://contoso.com/" + UUID.randomUUID();
        JsonObject copiedCategory = Json.createObjectBuilder(exportedCategory).add("uri", categoryCopy)
                .add("name", exportedCategory.getString("name") + " copy").build();
        JsonObject copiedRoom = Json.createObjectBuilder(exportedRoom).add("uri", roomCopy)
                .add("categoryUri", categoryCopy).add("name", exportedRoom.getString("name") + " copy").build();
        String document = Json.createObjectBuilder().add("format", "parley-chat-store").add("version", 1)
                .add("domain", "contoso.com")
                .add("policies", export.getJsonArray("policies")).add("users", export.getJsonArray("users"))
                .add("groups", export.getJsonArray("groups"))
                .add("categories", Json.createArrayBuilder().add(copiedCategory))
                .add("rooms", Json.createArrayBuilder().add(copiedRoom)).build().toString();

        HttpResponse<String> imported = admin.post("/admin/import", document);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject report = object(imported);
        assertEquals(1, report.getInt("rooms"));
        assertEquals(1, report.getInt("categories"));
        assertEquals(2, report.getInt("messages"));

        JsonObject second = object(admin.get("/admin/export"));
        assertEquals(copiedRoom, find(second, "rooms", roomCopy).orElseThrow());
        assertEquals(copiedCategory, find(second, "categories", categoryCopy).orElseThrow());
        assertEquals(exportedRoom, find(second, "rooms", room.getString("uri")).orElseThrow());
        HttpResponse<String> copyAsBob = bob.get("/rooms/" + roomCopy.substring(roomCopy.lastIndexOf('/') + 1));
        assertEquals(200, copyAsBob.statusCode(), "bob is a member of the copy too: " + copyAsBob.body());

        JsonObject again = object(admin.post("/admin/import", document));
        assertEquals(0, again.getInt("rooms") + again.getInt("categories") + again.getInt("messages")
                + again.getInt("users") + again.getInt("groups") + again.getInt("policies"), again.toString());
        assertEquals(copiedRoom, find(object(admin.get("/admin/export")), "rooms", roomCopy).orElseThrow());
    }

    /**
     * An export of one room with its files, imported as a copy with the files; an export limited to dates; and an
     * update whose dry run changes nothing before the import itself does.
     */
    @Test
    void anExportTakesSomeRoomsDatesAndFilesAndAnUpdateIsTriedFirst() throws Exception {
        JsonObject category = category("Filtered", "\"sip:alice@contoso.com\"", true);
        HttpResponse<String> created = alice.post("/rooms", """
                {"name": "Filtered %s", "privacy": "CLOSED", "categoryUri": "%s"}"""
                .formatted(run, category.getString("uri")));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject room = object(created);
        String id = room.getString("id");
        for (String name : new String[] {"one.txt", "two.txt"}) {
            HttpResponse<String> file = alice.put("/rooms/" + id + "/files/" + name, "content of " + name);
            assertEquals(201, file.statusCode(), file.body());
        }

        HttpResponse<String> response = admin.get("/admin/export?room=" + id + "&files=true");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject export = object(response);
        assertEquals(1, export.getJsonArray("rooms").size(), "only the room named");
        assertEquals(category.getString("uri"), export.getJsonArray("categories").getJsonObject(0).getString("uri"));
        assertEquals(1, export.getJsonArray("categories").size(), "only its category");
        JsonArray files = export.getJsonArray("files");
        assertEquals(2, files.size(), files.toString());
        assertEquals("content of one.txt", new String(Base64.getDecoder().decode(
                files.getJsonObject(0).getString("content")), StandardCharsets.UTF_8));

        JsonObject later = object(admin.get("/admin/export?category=" + category.getString("id")
                + "&from=2999-01-01T00:00:00Z"));
        assertEquals(0, find(later, "rooms", room.getString("uri")).orElseThrow().getJsonArray("messages").size());
        assertTrue(!later.containsKey("files"), "no files unless asked");
        assertProblem(admin.get("/admin/export?from=yesterday"), 400, "about:blank");
        assertProblem(admin.get("/admin/export?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z"), 400,
                "urn:parley:problem:invalid");

        // A copy of the room with its files: the bytes come back as they were.
        String roomCopy = "ma-chan://contoso.com/" + UUID.randomUUID();
        JsonObject exportedRoom = export.getJsonArray("rooms").getJsonObject(0);
        var copiedFiles = Json.createArrayBuilder();
        files.forEach(file -> copiedFiles.add(Json.createObjectBuilder(file.asJsonObject()).add("roomUri", roomCopy)));
        String copy = Json.createObjectBuilder().add("format", "parley-chat-store").add("version", 1)
                .add("rooms", Json.createArrayBuilder().add(Json.createObjectBuilder(exportedRoom).add("uri", roomCopy)
                        .add("name", exportedRoom.getString("name") + " copy")))
                .add("files", copiedFiles).build().toString();
        String badBytes = copy.replace(files.getJsonObject(0).getString("sha256"), "0".repeat(64));
        assertProblem(admin.post("/admin/import", badBytes), 400, "urn:parley:problem:invalid");
        JsonObject report = object(admin.post("/admin/import", copy));
        assertEquals(1, report.getInt("rooms"), report.toString());
        assertEquals(2, report.getInt("files"), report.toString());
        String copyId = roomCopy.substring(roomCopy.lastIndexOf('/') + 1);
        JsonArray copiedRecords = object(alice.get("/rooms/" + copyId + "/files")).getJsonArray("items");
        assertEquals(2, copiedRecords.size(), copiedRecords.toString());
        HttpResponse<String> bytes = alice.get("/files/" + copiedRecords.getJsonObject(0).getJsonNumber("id"));
        assertTrue(bytes.body().startsWith("content of "), bytes.body());
        assertEquals(3, object(admin.post("/admin/import", copy)).getInt("kept"), "the room and its two files, kept");

        // An update: tried first (nothing changes), then done.
        String changed = Json.createObjectBuilder().add("format", "parley-chat-store").add("version", 1)
                .add("rooms", Json.createArrayBuilder().add(Json.createObjectBuilder(exportedRoom)
                        .add("topic", "imported topic " + run))).build().toString();
        JsonObject dry = object(admin.post("/admin/import?mode=update&dryRun=true", changed));
        assertEquals(1, dry.getInt("updated"), dry.toString());
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals("room " + room.getString("name") + ": settings", dry.getJsonArray("changes").getString(0));
        assertTrue(!object(alice.get("/rooms/" + id)).containsKey("topic"), "the dry run changed nothing");
        JsonObject done = object(admin.post("/admin/import?mode=update", changed));
        assertEquals(dry.getJsonArray("changes"), done.getJsonArray("changes"));
        assertEquals("imported topic " + run, object(alice.get("/rooms/" + id)).getString("topic"));
    }

    @Test
    void aConflictingOrMalformedImportChangesNothing() throws Exception {
        String newCategory = "ma-cat://contoso.com/" + UUID.randomUUID();
        HttpResponse<String> taken = alice.post("/rooms", """
                {"name": "Taken %s", "privacy": "OPEN"}""".formatted(run));
        assertEquals(201, taken.statusCode(), taken.body());
        String document = """
                {"format": "parley-chat-store", "version": 1,
                 "categories": [{"uri": "%s", "name": "Never %s", "invitationsAllowed": true,
                   "fileUploadAllowed": true, "chatHistoryEnabled": true, "createdAt": "2024-01-01T00:00:00Z",
                   "allowedMembers": ["domain:contoso.com"], "deniedMembers": [], "creators": []}],
                 "rooms": [{"uri": "ma-chan://contoso.com/%s", "categoryUri": "%s", "name": "Taken %s",
                   "privacy": "OPEN", "type": "NORMAL", "invitations": "INHERIT", "disabled": false,
                   "createdAt": "2024-01-01T00:00:00Z", "lastMessageSeq": 0, "members": [],
                   "managers": ["sip:alice@contoso.com"], "presenters": [], "messages": []}]}"""
                .formatted(newCategory, run, UUID.randomUUID(), newCategory, run);

        assertProblem(admin.post("/admin/import", document), 409, "urn:parley:problem:conflict");
        assertProblem(admin.get("/categories/" + newCategory.substring(newCategory.lastIndexOf('/') + 1)), 404,
                "urn:parley:problem:not-found");
        assertProblem(admin.post("/admin/import", document.replace("\"version\": 1", "\"version\": 2")), 400,
                "urn:parley:problem:invalid");
        assertProblem(admin.post("/admin/import", "{\"format\": \"parley-chat-store\", \"rooms\": [}"), 400,
                "urn:parley:problem:invalid");
        assertProblem(admin.post("/admin/import", document.replace("\"OPEN\"", "\"WIDE OPEN\"")), 400,
                "urn:parley:problem:invalid");
        assertProblem(admin.post("/admin/import?mode=merge", document), 400, "urn:parley:problem:constraint-violation");
        assertProblem(alice.post("/admin/import", document), 403, "about:blank");
        assertEquals(403, alice.get("/admin/export").statusCode());
    }

    private static Optional<JsonObject> find(JsonObject export, String list, String uri) {
        JsonArray items = export.getJsonArray(list);
        return items.stream().map(JsonValue::asJsonObject).filter(item -> item.getString("uri").equals(uri))
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
