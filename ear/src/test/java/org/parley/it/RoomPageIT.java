package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");

    private WebDriver browser;
    private WebDriverWait until;
    private Path downloads;

    /** The EAR as it ships and no test WAR: this class needs Selenium, which the server has not got. */
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.shipped();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        downloads = Files.createDirectories(Paths.get("target", "room-page-downloads", run)).toAbsolutePath();
        browser = HeadlessChromium.start("RoomPageIT", downloads);
        until = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void managesARoomFromSignInToSignOut() throws Exception {
        open();

        // A wrong password is refused on the page itself (no browser password dialog), and nothing is shown.
        signIn("alice", "wrong");
        assertTrue(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText()
                .contains("wrong user name or password"));
        assertTrue(!browser.findElement(By.id("rooms-view")).isDisplayed());

        signIn("alice", "secret");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("rooms-view")));
        assertEquals("alice", browser.findElement(By.id("signed-in-as")).getText());
        assertTrue(!browser.findElement(By.id("error")).isDisplayed(), "the failed sign-in's error is cleared");

        // Create: the name carries markup, which must come out as text.
        String name = "Page " + run + " <i>plain</i>";
        type("new-room-name", name);
        type("new-room-description", "Made in a browser");
        click("create-room");
        waitFor(ExpectedConditions.textToBe(By.id("room-title"), name));
        WebElement listed = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-rooms li[data-room-id]")));
        String roomId = browser.findElement(By.id("room")).getAttribute("data-room-id");
        WebElement mine = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-rooms li[data-room-id='" + roomId + "']")));
        assertTrue(mine.getText().startsWith(name), mine.getText());
        assertTrue(browser.findElements(By.cssSelector("#my-rooms i, #room-title i")).isEmpty(),
                "user text became markup");
        JsonObject created = object(alice.get("/rooms/" + roomId));
        assertEquals(name, created.getString("name"));
        assertEquals("CLOSED", created.getString("privacy"));
        assertTrue(listed.isDisplayed());

        // Change: topic and description, saved with the ETag the page read.
        type("settings-topic", "Quarterly numbers " + run);
        type("settings-description", "Changed in a browser");
        click("save-settings");
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Settings saved."));
        JsonObject changed = object(alice.get("/rooms/" + roomId));
        assertEquals("Quarterly numbers " + run, changed.getString("topic"));
        assertEquals("Changed in a browser", changed.getString("description"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#my-rooms li[data-room-id='" + roomId + "']"), "Quarterly numbers " + run));

        // Someone changes the room behind the page's back: the page's next save is refused and says so,
        // and the other change survives; Reload shows it.
        HttpResponse<String> current = alice.get("/rooms/" + roomId);
        HttpResponse<String> elsewhere = alice.put("/rooms/" + roomId, settings(object(current),
                "Changed elsewhere"), "If-Match", current.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        type("settings-topic", "Lost update " + run);
        click("save-settings");
        assertTrue(waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText()
                .contains("changed by someone else"));
        JsonObject kept = object(alice.get("/rooms/" + roomId));
        assertEquals("Changed elsewhere", kept.getString("description"));
        assertEquals("Quarterly numbers " + run, kept.getString("topic"));
        click("reload-room");
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Room reloaded."));
        assertEquals("Changed elsewhere", browser.findElement(By.id("settings-description")).getDomProperty("value"));
        assertTrue(!browser.findElement(By.id("error")).isDisplayed());

        // Members: bob by his user name, in the room's domain.
        type("member", "bob");
        click("add-member");
        waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#members li[data-principal='sip:bob@contoso.com']")));
        assertTrue(alice.all("/rooms/" + roomId + "/members").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList().contains("sip:bob@contoso.com"));

        // Upload through the file chooser, then download through the page's button.
        byte[] content = ("Zahlen für Q3 " + run + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
        Path chosen = Files.createDirectories(Paths.get("target", "room-page-uploads", run))
                .resolve("numbers-" + run + ".txt").toAbsolutePath();
        Files.write(chosen, content);
        browser.findElement(By.id("upload-file")).sendKeys(chosen.toString());
        click("upload");
        WebElement file = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#files li[data-file-id]")));
        assertEquals(chosen.getFileName().toString(), file.findElement(By.className("file-name")).getText());
        JsonObject stored = object(alice.get("/rooms/" + roomId + "/files")).getJsonArray("items").getJsonObject(0);
        assertEquals(content.length, stored.getJsonNumber("sizeBytes").longValue());
        assertEquals(file.getAttribute("data-file-id"), String.valueOf(stored.getJsonNumber("id").longValue()));

        file.findElement(By.className("download")).click();
        Path saved = downloads.resolve(chosen.getFileName());
        byte[] downloaded = Eventually.await(WAIT, () -> read(saved), bytes -> bytes != null
                && bytes.length == content.length && !Files.exists(downloads.resolve(saved.getFileName() + ".crdownload")));
        assertArrayEquals(content, downloaded);

        // Sign out: back to the form, and the page no longer acts for alice.
        click("sign-out");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-view")));
        assertTrue(!browser.findElement(By.id("rooms-view")).isDisplayed());
        assertTrue(!browser.findElement(By.id("session")).isDisplayed());
        assertEquals("", browser.findElement(By.id("password")).getDomProperty("value"));
    }

    /** The page and its scripts need no credentials; the API behind them still does. */
    @Test
    void pageIsPublicAndTheApiIsNot() throws Exception {
        for (String asset : List.of("", "index.html", "app/rooms.js", "app/api.js", "app/parley.css")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PAGE + asset)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), asset);
        }
        assertEquals(401, WebApiClient.anonymous().get("/rooms/mine").statusCode());
        assertEquals(401, WebApiClient.as("alice", "wrong").get("/rooms/mine").statusCode());
    }

    /**
     * A bounded wait that, when it times out, says what the page showed the user as an error and leaves a
     * screenshot in target/room-page-downloads/.
     */
    private <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return until.until(condition);
        } catch (TimeoutException e) {
            try {
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                        downloads.resolveSibling(run + "-failure.png"));
            } catch (IOException | RuntimeException noScreenshot) {
                e.addSuppressed(noScreenshot);
            }
            List<WebElement> error = browser.findElements(By.id("error"));
            throw new AssertionError("the page shows: " + (error.isEmpty() ? "(no error box)"
                    : "\"" + error.get(0).getText() + "\"") + "; status: \""
                    + browser.findElement(By.id("status")).getText() + "\"", e);
        }
    }

    private void open() {
        browser.get(PAGE);
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private void signIn(String user, String password) {
        type("user", user);
        type("password", password);
        click("sign-in");
    }

    private void type(String id, String text) {
        WebElement field = waitFor(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String id) {
        waitFor(ExpectedConditions.elementToBeClickable(By.id(id))).click();
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
                .build().toString();
    }
}
