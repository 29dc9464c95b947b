package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The room management page (/parley/) in a real browser: Debian's Chromium, headless, driven through
 * Debian's chromedriver. Every step is done the way a user does it (typing, clicking, choosing a file); what
 * the page claims is checked against the web services behind it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomPageIT {

    static final String PAGE = "http://127.0.0.1:8080/parley/";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");

    @RegisterExtension
    final BrowserPage page = BrowserPage.perTest("room-page-downloads");

    /** The EAR as it ships and no test WAR: this class needs Selenium, which the server has not got. */
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.shipped();
    }

    @Test
    void managesARoomFromSignInToSignOut() throws Exception {
        page.open(PAGE);

        // A wrong password is refused on the page itself (no browser password dialog), and nothing is shown.
        page.signIn("alice", "wrong");
        assertThat(page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error")))
                        .getText())
                .contains("wrong user name or password");
        assertThat(!page.browser.findElement(By.id("rooms-view")).isDisplayed()).isTrue();

        page.signIn("alice", "secret");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("rooms-view")));
        assertThat(page.browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("alice");
        assertThat(!page.browser.findElement(By.id("error")).isDisplayed())
                .as("the failed sign-in's error is cleared")
                .isTrue();

        // Create: the name carries markup, which must come out as text.
        String name = "Page " + run + " <i>plain</i>";
        page.type("new-room-name", name);
        page.type("new-room-description", "Made in a browser");
        page.click("create-room");
        page.waitFor(ExpectedConditions.textToBe(By.id("room-title"), name));
        WebElement listed =
                page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-rooms li[data-room-id]")));
        String roomId = page.browser.findElement(By.id("room")).getAttribute("data-room-id");
        WebElement mine = page.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-rooms li[data-room-id='" + roomId + "']")));
        assertThat(mine.getText()).as(mine.getText()).startsWith(name);
        assertThat(page.browser.findElements(By.cssSelector("#my-rooms i, #room-title i")))
                .as("user text became markup")
                .isEmpty();
        JsonObject created = object(alice.get("/rooms/" + roomId));
        assertThat(created.getString("name")).isEqualTo(name);
        assertThat(created.getString("privacy")).isEqualTo("CLOSED");
        assertThat(listed.isDisplayed()).isTrue();

        // Change: topic and description, saved with the ETag the page read.
        page.type("settings-topic", "Quarterly numbers " + run);
        page.type("settings-description", "Changed in a browser");
        page.click("save-settings");
        page.waitFor(ExpectedConditions.textToBe(By.id("status"), "Settings saved."));
        JsonObject changed = object(alice.get("/rooms/" + roomId));
        assertThat(changed.getString("topic")).isEqualTo("Quarterly numbers " + run);
        assertThat(changed.getString("description")).isEqualTo("Changed in a browser");
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#my-rooms li[data-room-id='" + roomId + "']"), "Quarterly numbers " + run));

        // Someone changes the room behind the page's back: the page's next save is refused and says so,
        // and the other change survives; Reload shows it.
        HttpResponse<String> current = alice.get("/rooms/" + roomId);
        HttpResponse<String> elsewhere = alice.put(
                "/rooms/" + roomId,
                settings(object(current), "Changed elsewhere"),
                "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
        page.type("settings-topic", "Lost update " + run);
        page.click("save-settings");
        assertThat(page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error")))
                        .getText())
                .contains("changed by someone else");
        JsonObject kept = object(alice.get("/rooms/" + roomId));
        assertThat(kept.getString("description")).isEqualTo("Changed elsewhere");
        assertThat(kept.getString("topic")).isEqualTo("Quarterly numbers " + run);
        page.click("reload-room");
        page.waitFor(ExpectedConditions.textToBe(By.id("status"), "Room reloaded."));
        assertThat(page.browser.findElement(By.id("settings-description")).getDomProperty("value"))
                .isEqualTo("Changed elsewhere");
        assertThat(!page.browser.findElement(By.id("error")).isDisplayed()).isTrue();

        // Members: bob by his user name, in the room's domain.
        page.type("member", "bob");
        page.click("add-member");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#members li[data-principal='sip:bob@contoso.com']")));
        assertThat(alice.all("/rooms/" + roomId + "/members").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList())
                .contains("sip:bob@contoso.com");

        // Upload through the file chooser, then download through the page's button.
        byte[] content = ("Zahlen für Q3 " + run + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
        Path chosen = Files.createDirectories(Paths.get("target", "room-page-uploads", run))
                .resolve("numbers-" + run + ".txt")
                .toAbsolutePath();
        Files.write(chosen, content);
        page.browser.findElement(By.id("upload-file")).sendKeys(chosen.toString());
        page.click("upload");
        WebElement file =
                page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#files li[data-file-id]")));
        assertThat(file.findElement(By.className("file-name")).getText())
                .isEqualTo(chosen.getFileName().toString());
        JsonObject stored = object(alice.get("/rooms/" + roomId + "/files"))
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(stored.getJsonNumber("sizeBytes").longValue()).isEqualTo(content.length);
        assertThat(String.valueOf(stored.getJsonNumber("id").longValue())).isEqualTo(file.getAttribute("data-file-id"));

        file.findElement(By.className("download")).click();
        Path saved = page.downloads().resolve(chosen.getFileName());
        byte[] downloaded = Eventually.await(
                WAIT,
                () -> read(saved),
                bytes -> bytes != null
                        && bytes.length == content.length
                        && !Files.exists(page.downloads().resolve(saved.getFileName() + ".crdownload")));
        assertThat(downloaded).isEqualTo(content);

        // Sign out: back to the form, and the page no longer acts for alice.
        page.click("sign-out");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-view")));
        assertThat(!page.browser.findElement(By.id("rooms-view")).isDisplayed()).isTrue();
        assertThat(!page.browser.findElement(By.id("session")).isDisplayed()).isTrue();
        assertThat(page.browser.findElement(By.id("password")).getDomProperty("value"))
                .isEqualTo("");
    }

    /** The page and its scripts need no credentials; the API behind them still does. */
    @Test
    void pageIsPublicAndTheApiIsNot() throws Exception {
        for (String asset : List.of("", "index.html", "app/rooms.js", "app/api.js", "app/parley.css")) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(PAGE + asset)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(WebApiClient.anonymous().get("/rooms/mine").statusCode()).isEqualTo(401);
        assertThat(WebApiClient.as("alice", "wrong").get("/rooms/mine").statusCode())
                .isEqualTo(401);
    }

    private static byte[] read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException stillBeingWritten) {
            return null;
        }
    }

    private static String settings(JsonObject room, String description) {
        return jakarta.json.Json.createObjectBuilder()
                .add("name", room.getString("name"))
                .add("description", description)
                .add("topic", room.getString("topic"))
                .add("privacy", room.getString("privacy"))
                .add("type", room.getString("type"))
                .add("invitations", room.getString("invitations"))
                .build()
                .toString();
    }
}
