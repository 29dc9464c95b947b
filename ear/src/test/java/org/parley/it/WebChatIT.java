package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * Chat in a browser (/parley/chat/, issue #17) in headless Chromium, beside a SIP client: two web users and a SIP
 * client in one room see each other's posts live and in one order; history pages back; a file shared from the
 * browser reaches the SIP client as an announcement; a member removed while the page is open loses the room at once;
 * a page whose connection is cut and restored shows what it missed, once each. Screenshots on failure
 * (BrowserPage). The conversation as Bob's page shows it is kept as target/web-chat.png (the README's picture).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebChatIT {

    static final String PAGE = "http://127.0.0.1:8080/parley/chat/";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WebApiClient alice = WebApiClient.as("alice", "secret");
    private final WebApiClient bob = WebApiClient.as("bob", "secret");
    private final List<BrowserPage> pages = new ArrayList<>();

    /** The EAR as it ships: this class needs Selenium, which the server has not got. */
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.shipped();
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(BrowserPage::close);
    }

    @Test
    void twoWebUsersAndASipClientSeeOneConversationInOneOrder() throws Exception {
        JsonObject room = room("Together", "OPEN", "");
        String id = room.getString("id");
        String roomUri = room.getString("uri");
        follow(alice, id);
        follow(bob, id);
        BrowserPage alicePage = signedIn("alice", id);
        BrowserPage bobPage = signedIn("bob", id);
        try (XccosTestClient sip = XccosTestClient.signIn("sip:sipuser-" + run + "@contoso.com")) {
            sip.join(roomUri);

            say(alicePage, "Hello from Alice's browser");
            conversationIs(bobPage, "Hello from Alice's browser");
            assertThat(sip.post(roomUri, "Hello from SIP").status()).isEqualTo(200);
            conversationIs(alicePage, "Hello from Alice's browser", "Hello from SIP");
            say(bobPage, "Hello from Bob's browser\nin two lines");

            List<String> all =
                    List.of("Hello from Alice's browser", "Hello from SIP", "Hello from Bob's browser\nin two lines");
            conversationIs(alicePage, all.toArray(String[]::new));
            conversationIs(bobPage, all.toArray(String[]::new));
            List<String> heard = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                heard.add(XccosTestClient.text(sip.await("/xccos/grpchat"), "/xccos/grpchat/chat"));
            }
            assertThat(heard).containsExactlyElementsOf(all);
            Files.copy(
                    ((TakesScreenshot) bobPage.browser)
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    Paths.get("target", "web-chat.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void historyPagesBackAndAFileSharedFromTheBrowserReachesTheSipClient() throws Exception {
        JsonObject room = room("History", "OPEN", "");
        String id = room.getString("id");
        for (int i = 1; i <= 60; i++) {
            alice.postMessage(id, "old message " + i);
        }
        follow(bob, id);
        BrowserPage bobPage = signedIn("bob", id);
        bobPage.waitFor(driver -> texts(bobPage).size() == 50);
        assertThat(texts(bobPage).get(0)).isEqualTo("old message 11");
        bobPage.click("older");
        bobPage.waitFor(driver -> texts(bobPage).size() == 60);
        assertThat(texts(bobPage)).startsWith("old message 1", "old message 2").endsWith("old message 60");

        try (XccosTestClient sip = XccosTestClient.signIn("sip:files-" + run + "@contoso.com")) {
            sip.join(room.getString("uri"));
            Path file = Files.createDirectories(Paths.get("target", "web-chat", run))
                    .resolve("agenda.txt");
            Files.writeString(file, "1. chat in a browser\n", StandardCharsets.UTF_8);
            bobPage.browser
                    .findElement(By.id("upload-file"))
                    .sendKeys(file.toAbsolutePath().toString());
            bobPage.click("upload");
            bobPage.statusIs("agenda.txt shared.");
            String announcement = XccosTestClient.text(sip.await("/xccos/grpchat"), "/xccos/grpchat/chat");
            assertThat(announcement).startsWith("[file] agenda.txt (21 bytes) ");
            bobPage.visible("#message-list li .file button.download");
        }
    }

    @Test
    void aMemberRemovedWhileThePageIsOpenLosesTheRoomAtOnce() throws Exception {
        String id = room("Members", "CLOSED", "\"members\": [\"sip:bob@contoso.com\"], ")
                .getString("id");
        follow(bob, id);
        BrowserPage bobPage = signedIn("bob", id);
        alice.postMessage(id, "before bob goes");
        conversationIs(bobPage, "before bob goes");

        HttpResponse<String> removed =
                alice.delete("/rooms/" + id + "/members/" + WebApiClient.segment("sip:bob@contoso.com"));
        assertThat(removed.statusCode()).as(removed.body()).isIn(200, 204);

        bobPage.statusIs("You may no longer read Chat Members " + run + ".");
        assertThat(bobPage.shown("conversation")).isFalse();
        bobPage.gone("#chat-rooms li[data-room-id='" + id + "']");
    }

    @Test
    void aPageWhoseConnectionIsCutShowsWhatItMissedOnceEach() throws Exception {
        String id = room("Blip", "OPEN", "").getString("id");
        follow(bob, id);
        try (CuttableProxy proxy = new CuttableProxy(8080)) {
            BrowserPage bobPage = page();
            bobPage.open("http://127.0.0.1:" + proxy.port() + "/parley/chat/");
            bobPage.signIn("bob", "secret");
            bobPage.clickIn("#chat-rooms li[data-room-id='" + id + "']", "open");
            alice.postMessage(id, "before the blip");
            conversationIs(bobPage, "before the blip");
            bobPage.waitFor(driver ->
                    "Live".equals(driver.findElement(By.id("connection")).getText()));

            proxy.cut();
            bobPage.waitFor(
                    driver -> driver.findElement(By.id("connection")).getText().startsWith("Reconnecting"));
            alice.postMessage(id, "missed 1");
            alice.postMessage(id, "missed 2");
            proxy.restore();

            conversationIs(bobPage, "before the blip", "missed 1", "missed 2");
            alice.postMessage(id, "after the blip");
            conversationIs(bobPage, "before the blip", "missed 1", "missed 2", "after the blip");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private BrowserPage page() throws IOException {
        Path downloads = Files.createDirectories(Paths.get("target", "web-chat", run, "page-" + pages.size()))
                .toAbsolutePath();
        BrowserPage page = new BrowserPage("WebChatIT", downloads);
        pages.add(page);
        return page;
    }

    /** A page signed in as the user, with the room open. */
    private BrowserPage signedIn(String user, String roomId) throws IOException {
        BrowserPage page = page();
        page.open(PAGE);
        page.signIn(user, "secret");
        page.clickIn("#chat-rooms li[data-room-id='" + roomId + "']", "open");
        page.waitFor(driver -> driver.findElement(By.id("conversation")).isDisplayed());
        return page;
    }

    /** Types a message and sends it with Enter; Shift+Enter makes the line breaks. */
    private static void say(BrowserPage page, String text) {
        WebElement compose = page.waitFor(driver -> driver.findElement(By.id("compose")));
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            compose.sendKeys(lines[i]);
            if (i < lines.length - 1) {
                compose.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
            }
        }
        compose.sendKeys(Keys.ENTER);
    }

    /** Waits until the open conversation shows exactly these messages, in this order (each once). */
    private static void conversationIs(BrowserPage page, String... texts) {
        List<String> expected = List.of(texts);
        try {
            page.waitFor(driver -> texts(page).equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError("the conversation shows " + texts(page) + ", not " + expected, e);
        }
    }

    private static List<String> texts(BrowserPage page) {
        return page.browser.findElements(By.cssSelector("#message-list li .text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void follow(WebApiClient user, String roomId) throws Exception {
        HttpResponse<String> followed = user.put("/rooms/" + roomId + "/follow");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(204);
    }

    private JsonObject room(String name, String privacy, String roles) throws Exception {
        return alice.createRoom("""
                {%s"name": "Chat %s %s", "privacy": "%s"}""".formatted(roles, name, run, privacy));
    }
}
