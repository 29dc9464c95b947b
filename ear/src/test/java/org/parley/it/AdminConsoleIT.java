package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.array;
import static org.parley.it.WebApiClient.object;
import static org.parley.it.WebApiClient.segment;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's console on the room page (/parley/) in headless Chromium: each screen driven as an
 * administrator drives it (create, change, a conflict shown, delete), and what the page claims checked against
 * the admin API behind it. A user who is not an administrator keeps the room page without the console.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");
    private final WebApiClient alice = WebApiClient.as("alice", "secret");

    @RegisterExtension
    final BrowserPage page = BrowserPage.perTest("admin-console");

    /** The EAR as it ships and no test WAR: this class needs Selenium, which the server has not got. */
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.shipped();
    }

    @Test
    void onlyAdministratorsAreOfferedTheConsole() throws Exception {
        JsonObject aliceIs = object(alice.get("/me"));
        assertThat(aliceIs.getString("uri")).isEqualTo("sip:alice@contoso.com");
        assertThat(aliceIs.getBoolean("administrator")).isFalse();
        assertThat(object(admin.get("/me")).getBoolean("administrator")).isTrue();
        assertThat(WebApiClient.anonymous().get("/me").statusCode()).isEqualTo(401);
        assertThat(alice.get("/admin/policies/Global/users").statusCode()).isEqualTo(403);

        page.open(RoomPageIT.PAGE);
        page.signIn("alice", "secret");
        page.statusIs("Signed in.");
        assertThat(page.shown("rooms-view")).isTrue();
        assertThat(page.shown("views")).as("the console's switch").isFalse();
        assertThat(page.shown("console-view")).isFalse();

        page.click("sign-out");
        page.signIn("admin", "parley-admin");
        page.statusIs("Signed in.");
        assertThat(page.shown("views")).isTrue();
        page.click("show-console");
        page.visible("#screen-categories");
        assertThat(page.shown("rooms-view")).isFalse();
        page.click("sign-out");
        assertThat(page.shown("console-view"))
                .as("signing out closes the console")
                .isFalse();
    }

    @Test
    void categoriesAreCreatedChangedAndDeleted() throws Exception {
        openConsole();
        String name = "Console " + run + " <b>bold</b>";
        page.type("new-category-name", name);
        page.click("create-category");
        page.statusIs("Category \"" + name + "\" created.");
        String id = page.visible("#category").getAttribute("data-category-id");
        assertThat(object(admin.get("/categories/" + id)).getString("name")).isEqualTo(name);
        assertThat(page.browser.findElements(By.cssSelector("#categories b, #category-title b")))
                .as("user text became markup")
                .isEmpty();

        page.click("category-files");
        page.click("save-category");
        page.statusIs("Category saved.");
        assertThat(object(admin.get("/categories/" + id)).getBoolean("fileUploadAllowed"))
                .isFalse();

        page.type("category-principal", "group:staff-" + run);
        page.click("add-category-principal");
        String listed = "#category-allowed-members li[data-principal='group:staff-" + run + "']";
        page.visible(listed);
        assertThat(strings(object(admin.get("/categories/" + id)), "allowedMembers"))
                .contains("group:staff-" + run);
        page.clickIn(listed, "remove");
        page.gone(listed);
        assertThat(strings(object(admin.get("/categories/" + id)), "allowedMembers"))
                .isEmpty();

        page.type("category-retention", "30");
        page.click("save-category-retention");
        page.statusIs("Rooms of \"" + name + "\" keep history for 30 days.");
        assertThat(object(admin.get("/categories/" + id)).getInt("retentionDays"))
                .isEqualTo(30);

        // Changed behind the page's back: the page's save is refused and says so, the other change stays.
        HttpResponse<String> current = admin.get("/categories/" + id);
        String elsewhere = "Elsewhere " + run;
        HttpResponse<String> changed = admin.put(
                "/admin/categories/" + id,
                categorySettings(elsewhere),
                "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        page.type("category-name", "Lost " + run);
        page.click("save-category");
        assertThat(page.error()).contains("changed by someone else");
        assertThat(object(admin.get("/categories/" + id)).getString("name")).isEqualTo(elsewhere);
        page.click("reload-category");
        page.statusIs("Category reloaded.");
        assertThat(page.browser.findElement(By.id("category-name")).getDomProperty("value"))
                .isEqualTo(elsewhere);

        // Deleted with its room moved to another category in the same step.
        String room = id(alice.post("/rooms", "{\"name\": \"In the category " + run + "\"}"));
        JsonObject target = object(admin.post("/categories", "{\"name\": \"Target " + run + "\"}"));
        HttpResponse<String> roomNow = admin.get("/rooms/" + room);
        assertThat(admin.put(
                                "/admin/rooms/" + room + "/category",
                                "{\"categoryUri\": \""
                                        + object(admin.get("/categories/" + id)).getString("uri") + "\"}",
                                "If-Match",
                                roomNow.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(200);
        page.click("reload-category");
        page.statusIs("Category reloaded.");
        page.choose("category-move-to", target.getString("id"));
        page.click("delete-category");
        page.statusIs("Category \"" + elsewhere + "\" deleted; 1 rooms moved.");
        assertThat(admin.get("/categories/" + id).statusCode()).isEqualTo(404);
        assertThat(object(admin.get("/rooms/" + room)).getString("categoryUri")).isEqualTo(target.getString("uri"));
        page.gone("#categories li[data-category-id='" + id + "']");
    }

    @Test
    void roomsAreFoundDisabledMovedGivenPresentersAndDeleted() throws Exception {
        String name = "Console room " + run;
        String id = id(alice.post("/rooms", "{\"name\": \"" + name + "\", \"privacy\": \"SECRET\"}"));
        JsonObject target = object(admin.post(
                "/categories",
                "{\"name\": \"Rooms move here " + run + "\", \"allowedMembers\": [\"domain:contoso.com\"]}"));

        openConsole();
        screen("rooms");
        page.type("room-search", name);
        page.click("search-rooms");
        String result = "#room-results li[data-room-id='" + id + "']";
        page.clickIn(result, "open");
        page.waitFor(ExpectedConditions.textToBe(By.id("admin-room-title"), name));

        page.click("admin-room-disable");
        page.statusIs("Room \"" + name + "\" disabled.");
        assertThat(object(admin.get("/rooms/" + id)).getBoolean("disabled")).isTrue();
        page.click("admin-room-enable");
        page.statusIs("Room \"" + name + "\" enabled.");
        assertThat(object(admin.get("/rooms/" + id)).getBoolean("disabled")).isFalse();

        page.choose("admin-room-category", target.getString("uri"));
        page.click("admin-room-move");
        page.statusIs("Room \"" + name + "\" moved to \"Rooms move here " + run + "\".");
        assertThat(object(admin.get("/rooms/" + id)).getString("categoryUri")).isEqualTo(target.getString("uri"));

        page.type("admin-room-presenter", "bob");
        page.click("add-presenter");
        page.visible("#admin-room-presenters li[data-principal='sip:bob@contoso.com']");
        assertThat(alice.all("/rooms/" + id + "/presenters").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .contains("sip:bob@contoso.com");

        // A secret room's invitations go to its members (carol is one).
        assertThat(alice.put("/rooms/" + id + "/members/" + segment("sip:carol@contoso.com"))
                        .statusCode())
                .isEqualTo(200);
        page.type("admin-room-invitee", "carol");
        page.click("invite");
        page.statusIs("sip:carol@contoso.com invited to \"" + name + "\".");

        page.type("admin-room-retention", "7");
        page.click("save-room-retention");
        page.statusIs("The room keeps history for 7 days.");
        assertThat(page.visible("#admin-room-summary").getText()).contains("history kept 7 days");

        // The room's own panel (settings, members, files) opens from here.
        page.click("admin-room-settings");
        page.waitFor(ExpectedConditions.textToBe(By.id("room-title"), name));
        page.click("show-console");
        page.visible("#admin-room");

        // Changed by its manager meanwhile: the delete is refused and says so; after a reload it goes.
        HttpResponse<String> current = alice.get("/rooms/" + id);
        JsonObject room = object(current);
        assertThat(alice.put(
                                "/rooms/" + id,
                                Json.createObjectBuilder()
                                        .add("name", name)
                                        .add("topic", "Changed " + run)
                                        .add("privacy", room.getString("privacy"))
                                        .add("type", room.getString("type"))
                                        .add("invitations", room.getString("invitations"))
                                        .build()
                                        .toString(),
                                "If-Match",
                                current.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(200);
        page.click("admin-room-delete");
        assertThat(page.error()).contains("changed by someone else");
        assertThat(admin.get("/rooms/" + id).statusCode()).isEqualTo(200);
        page.click("admin-room-reload");
        page.statusIs("Room reloaded.");
        page.click("admin-room-delete");
        page.statusIs("Room \"" + name + "\" deleted.");
        assertThat(admin.get("/rooms/" + id).statusCode()).isEqualTo(404);
        page.gone(result);
    }

    @Test
    void policiesGroupsAdministratorsAndAddIns() throws Exception {
        openConsole();

        screen("policies");
        String policy = "Console policy " + run;
        page.type("policy-name", policy);
        page.click("policy-enabled");
        page.click("save-policy");
        page.statusIs("Policy \"" + policy + "\": chat off.");
        String listed = "#policies li[data-policy='" + policy + "']";
        assertThat(page.visible(listed).getText()).contains("chat off");
        page.type("assign-user", "carol");
        page.choose("assign-policy", policy);
        page.click("assign");
        page.statusIs("sip:carol@contoso.com now has the policy \"" + policy + "\".");
        assertThat(page.visible(listed).getText()).contains("sip:carol@contoso.com");
        assertThat(object(admin.get("/admin/users/carol"))
                        .getJsonObject("policy")
                        .getString("name"))
                .isEqualTo(policy);
        // Removed by another administrator meanwhile: the page's remove says so.
        String gone = "Gone " + run;
        assertThat(admin.put("/admin/policies/" + segment(gone), "{\"chatEnabled\": true}")
                        .statusCode())
                .isEqualTo(200);
        page.click("sign-out");
        openConsole();
        screen("policies");
        page.visible("#policies li[data-policy='" + gone + "']");
        assertThat(admin.delete("/admin/policies/" + segment(gone)).statusCode())
                .isEqualTo(200);
        page.clickIn("#policies li[data-policy='" + gone + "']", "remove");
        assertThat(page.error()).contains("no chat policy " + gone);
        page.clickIn(listed, "remove");
        page.statusIs("Policy \"" + policy + "\" removed; 1 users back on Global.");
        page.gone(listed);
        assertThat(object(admin.get("/admin/users/carol"))
                        .getJsonObject("policy")
                        .getString("name"))
                .isEqualTo("Global");

        screen("groups");
        String group = "console-" + run;
        page.type("new-group-name", group);
        page.click("create-group");
        page.statusIs("Group \"" + group + "\" created.");
        page.type("group-member", "bob");
        page.click("add-group-member");
        String member = "#group-members li[data-principal='sip:bob@contoso.com']";
        page.visible(member);
        assertThat(strings(object(admin.get("/admin/groups/" + group)), "members"))
                .containsExactly("sip:bob@contoso.com");
        page.type("new-group-name", group);
        page.click("create-group");
        assertThat(page.error()).as("a second group of one name").contains("Conflict");
        page.clickIn(member, "remove");
        page.gone(member);
        assertThat(strings(object(admin.get("/admin/groups/" + group)), "members"))
                .isEmpty();
        page.click("delete-group");
        page.statusIs("Group \"" + group + "\" deleted.");
        assertThat(admin.get("/admin/groups/" + group).statusCode()).isEqualTo(404);

        screen("administrators");
        page.type("administrator", "bob");
        page.click("grant-administrator");
        String bob = "#administrators li[data-principal='sip:bob@contoso.com']";
        page.visible(bob);
        assertThat(array(admin.get("/admin/administrators")).getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .contains("sip:bob@contoso.com");
        page.clickIn(bob, "remove");
        page.statusIs("sip:bob@contoso.com no longer administers Persistent Chat.");
        assertThat(array(admin.get("/admin/administrators")).getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .doesNotContain("sip:bob@contoso.com");

        screen("addins");
        String addIn = "Console add-in " + run;
        page.type("addin-name", addIn);
        page.type("addin-url", "https://addins.example.com/" + run);
        page.click("save-addin");
        page.statusIs("Add-in \"" + addIn + "\" registered.");
        page.type("addin-name", addIn);
        page.type("addin-url", "https://addins.example.com/changed/" + run);
        page.click("save-addin");
        String addInItem = "#addins li[data-addin='" + addIn + "']";
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(addInItem), "/changed/" + run));
        page.type("addin-name", addIn);
        page.type("addin-url", "ftp://addins.example.com/" + run);
        page.click("save-addin");
        assertThat(page.error()).contains("http");
        assertThat(array(admin.get("/admin/addins")).getValuesAs(JsonObject.class))
                .filteredOn(a -> a.getString("name").equals(addIn))
                .extracting(a -> a.getString("url"))
                .containsExactly("https://addins.example.com/changed/" + run);
        page.clickIn(addInItem, "remove");
        page.gone(addInItem);
        assertThat(array(admin.get("/admin/addins")).getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("name"))
                .doesNotContain(addIn);
    }

    @Test
    void historyIsCountedThenRemovedAndTheStoreExportedAndImported() throws Exception {
        String name = "History " + run;
        String id = id(alice.post("/rooms", "{\"name\": \"" + name + "\"}"));
        for (String file : new String[] {"leak-" + run + "-1.txt", "leak-" + run + "-2.txt", "fine-" + run + ".txt"}) {
            HttpResponse<String> uploaded = alice.put("/rooms/" + id + "/files/" + file, "content of " + file);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        }
        String filter = "{\"rooms\": [\"" + id + "\"], \"textContains\": \"leak-" + run + "\", \"dryRun\": true}";

        openConsole();
        screen("history");
        page.choose("history-rooms", id);
        page.type("history-text", "leak-" + run);
        page.click("history-count");
        page.statusIs("Counted what a remove would change.");
        assertThat(page.visible("#history-result").getText()).startsWith("2 messages match");
        assertThat(object(admin.post("/admin/history/remove", filter))
                        .getJsonNumber("messages")
                        .longValue())
                .as("the dry run changed nothing")
                .isEqualTo(2);
        page.click("history-apply");
        page.statusIs("History removed.");
        assertThat(page.visible("#history-result").getText()).startsWith("2 messages removed");
        assertThat(object(admin.post("/admin/history/remove", filter))
                        .getJsonNumber("messages")
                        .longValue())
                .isZero();

        screen("store");
        page.choose("export-rooms", id);
        page.click("export-files");
        page.click("export-store");
        page.statusIs("Store exported.");
        Path exported = page.downloads().resolve("parley-store-" + LocalDate.now(ZoneOffset.UTC) + ".json");
        String document = Eventually.await(
                Duration.ofSeconds(30), () -> read(exported), text -> text != null && text.endsWith("}"));
        JsonObject store = Json.createReader(new StringReader(document)).readObject();
        assertThat(store.getString("format")).isEqualTo("parley-chat-store");
        assertThat(store.getJsonArray("rooms").getValuesAs(JsonObject.class))
                .as("only the room chosen")
                .extracting(room -> room.getString("name"))
                .containsExactly(name);
        assertThat(store.getJsonArray("files").getValuesAs(JsonObject.class))
                .extracting(file -> file.getString("fileName"))
                .contains("fine-" + run + ".txt");

        String group = "imported-" + run;
        Path small = page.downloads().resolve("small.json");
        Files.writeString(small, """
                {"format": "parley-chat-store", "version": 1, "policies": [], "users": [], "addIns": [],
                 "groups": [{"name": "%s", "members": ["sip:bob@contoso.com"]}], "categories": [], "rooms": []}
                """.formatted(group));
        page.browser.findElement(By.id("import-file")).sendKeys(small.toString());
        page.click("import-try");
        page.statusIs("Import tried; nothing changed.");
        assertThat(page.visible("#import-result").getText()).startsWith("Would add 0 policies, 0 users, 1 groups");
        assertThat(admin.get("/admin/groups/" + group).statusCode())
                .as("a dry run")
                .isEqualTo(404);
        page.click("import-store");
        page.statusIs("Store imported.");
        assertThat(page.visible("#import-result").getText()).startsWith("Added 0 policies, 0 users, 1 groups");
        assertThat(strings(object(admin.get("/admin/groups/" + group)), "members"))
                .containsExactly("sip:bob@contoso.com");
        Path bad = page.downloads().resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"something else\", \"version\": 1}");
        page.browser.findElement(By.id("import-file")).sendKeys(bad.toString());
        page.click("import-store");
        assertThat(page.error()).contains("not a parley-chat-store document");

        screen("compliance");
        JsonObject compliance = object(admin.get("/admin/compliance"));
        page.waitFor(ExpectedConditions.textToBe(
                By.cssSelector("[data-figure='enabled'] dd"), compliance.getBoolean("enabled") ? "on" : "off"));
        assertThat(page.visible("[data-figure='backlog'] dd").getText()).matches("\\d+");
        admin.delete("/admin/groups/" + group);
    }

    private void openConsole() {
        page.open(RoomPageIT.PAGE);
        page.signIn("admin", "parley-admin");
        page.statusIs("Signed in.");
        page.click("show-console");
        page.visible("#screen-categories");
    }

    private void screen(String name) {
        page.waitFor(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#console-tabs button[data-screen='" + name + "']")))
                .click();
        page.visible("#screen-" + name);
    }

    private static String categorySettings(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("invitationsAllowed", true)
                .add("fileUploadAllowed", false)
                .add("chatHistoryEnabled", true)
                .build()
                .toString();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return object(created).getString("id");
    }

    private static java.util.List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException stillBeingWritten) {
            return null;
        }
    }
}
