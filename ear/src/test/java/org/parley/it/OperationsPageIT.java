package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.WebApiClient.object;
import static org.parley.it.XccosTestClient.chanid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console's live view (/parley/operations.html) in headless Chromium while two SIP clients chat: an
 * administrator sees the health checks, the users, the post rate and latencies move; a user who is not an
 * administrator sees nothing. The view under load is kept as target/operations-live.png (the README's picture).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsPageIT {

    static final String PAGE = "http://127.0.0.1:8080/parley/operations.html";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Between two posts of the background chat: a steady few posts a second, not a flood. */
    private static final Duration PACE = Duration.ofMillis(50);

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    final BrowserPage page = BrowserPage.perTest("operations-page", WAIT);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.shipped();
    }

    @Test
    void anAdministratorWatchesTheNodeLiveWhileClientsChat() throws Exception {
        JsonObject created = WebApiClient.as("alice", "secret").createRoom("""
                {"name": "Watched %s", "privacy": "OPEN"}""".formatted(run));
        String room = created.getString("uri");

        page.open(PAGE);
        page.signIn("admin", "parley-admin");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("live-view")));
        List<WebElement> checks =
                page.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#checks li.up"), 6));
        assertThat(checks.stream().anyMatch(c -> c.getText().equals("parley-chat-store: UP")))
                .as(checks.toString())
                .isTrue();
        assertThat(page.browser.findElements(By.cssSelector("#checks li.down"))).isEmpty();

        AtomicBoolean chatting = new AtomicBoolean(true);
        try (XccosTestClient ann = XccosTestClient.signIn("sip:ann-" + run + "@contoso.com");
                XccosTestClient ben = XccosTestClient.signIn("sip:ben-" + run + "@contoso.com")) {
            ann.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            ben.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            // Posts keep coming while the page is watched, as on a node in use: a few a second.
            CompletableFuture<Integer> posted = CompletableFuture.supplyAsync(() -> {
                int count = 0;
                try {
                    while (chatting.get() && count < 600) {
                        assertThat((count % 2 == 0 ? ann : ben)
                                        .post(room, "live " + count)
                                        .status())
                                .isEqualTo(200);
                        count++;
                        LockSupport.parkNanos(PACE.toNanos());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return count;
            });
            page.waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("post-response"), "no posts")));
            page.waitFor(browser -> rate("posts-rate") > 0 && rate("deliveries-rate") > 0);
            page.waitFor(browser -> rate("users-signed-in") >= 2);
            String latency = page.browser.findElement(By.id("post-response")).getText();
            assertThat(latency.matches("[0-9.,]+ m?s / [0-9.,]+ m?s"))
                    .as(latency)
                    .isTrue();
            page.browser.manage().window().setSize(new Dimension(1280, 1400)); // the whole view, compliance included
            page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("compliance-delivered")));
            Files.copy(
                    ((TakesScreenshot) page.browser)
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    Paths.get("target", "operations-live.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            chatting.set(false);
            assertThat(posted.get() > 0).isTrue();
        }

        // What the page showed is what the web services say (the same meters).
        JsonObject operations = object(WebApiClient.as("admin", "parley-admin").get("/admin/operations"));
        assertThat(operations.getJsonArray("checks").size()).isEqualTo(6);
        assertThat(operations
                                .getJsonObject("figures")
                                .getJsonObject("counters")
                                .getJsonNumber("posts.accepted")
                                .doubleValue()
                        >= 1)
                .isTrue();

        page.click("sign-out");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-view")));
    }

    @Test
    void aUserWhoIsNotAnAdministratorSeesNoFigures() throws Exception {
        assertThat(WebApiClient.as("alice", "secret").get("/admin/operations").statusCode())
                .isEqualTo(403);
        page.open(PAGE);
        page.signIn("alice", "secret");
        WebElement error = page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText().contains("403")
                        || error.getText().toLowerCase().contains("forbidden"))
                .as(error.getText())
                .isTrue();
        page.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("live-view")));
        assertThat(page.browser.findElement(By.id("users-signed-in")).getAttribute("textContent"))
                .as("nothing rendered")
                .isEqualTo("-");
    }

    private double rate(String id) {
        String text = page.browser.findElement(By.id(id)).getText().replace(",", "");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notYet) {
            return -1;
        }
    }
}
