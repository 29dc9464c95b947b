package org.parley.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One of Parley's pages in headless Chromium, used as a user uses it: typing into fields and clicking buttons
 * found by id. Every wait is bounded; one that times out says what the page showed as its error and status and
 * leaves a screenshot beside the test's downloads.
 *
 * <p>A test class with one page per test registers it ({@code @RegisterExtension final BrowserPage page =
 * BrowserPage.perTest("folder")}): the browser is started before each test and quit after it.
 */
final class BrowserPage implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Under target, where a page per test keeps each test's downloads; null for a page started at once. */
    private final String folder;

    private final Duration wait;
    WebDriver browser;
    private WebDriverWait until;
    private Path downloads;
    private int failures;

    /** @param downloads where the browser saves downloads; screenshots go beside it, named after it */
    BrowserPage(String test, Path downloads) {
        this(test, downloads, WAIT);
    }

    /** @param wait how long each wait may take at most (a page that shows rates needs two readings) */
    BrowserPage(String test, Path downloads, Duration wait) {
        this(null, wait);
        start(test, downloads);
    }

    private BrowserPage(String folder, Duration wait) {
        this.folder = folder;
        this.wait = wait;
    }

    /** A page for each test, saving its downloads into target/{@code folder}/(a random id). */
    static BrowserPage perTest(String folder) {
        return perTest(folder, WAIT);
    }

    static BrowserPage perTest(String folder, Duration wait) {
        return new BrowserPage(folder, wait);
    }

    private void start(String test, Path downloads) {
        this.browser = HeadlessChromium.start(test, downloads);
        this.until = new WebDriverWait(browser, wait);
        this.downloads = downloads;
    }

    @Override
    public void beforeEach(ExtensionContext test) throws IOException {
        start(
                test.getRequiredTestClass().getSimpleName(),
                Files.createDirectories(Paths.get(
                                "target", folder, UUID.randomUUID().toString().substring(0, 8)))
                        .toAbsolutePath());
    }

    @Override
    public void afterEach(ExtensionContext test) {
        if (browser != null) {
            close();
        }
    }

    /** Where the browser saves downloads. */
    Path downloads() {
        return downloads;
    }

    /** Opens the page and waits for its scripts to have wired it (they set body[data-ready]). */
    void open(String url) {
        browser.get(url);
        waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    void signIn(String user, String password) {
        type("user", user);
        type("password", password);
        click("sign-in");
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return until.until(condition);
        } catch (TimeoutException e) {
            try {
                Files.copy(
                        ((TakesScreenshot) browser)
                                .getScreenshotAs(OutputType.FILE)
                                .toPath(),
                        downloads.resolveSibling(downloads.getFileName() + "-failure-" + (++failures) + ".png"));
            } catch (IOException | RuntimeException noScreenshot) {
                e.addSuppressed(noScreenshot);
            }
            throw new AssertionError("the page shows: " + text("error") + "; status: " + text("status"), e);
        }
    }

    /** Waits until the status line says exactly this (each action ends by saying what it did). */
    void statusIs(String text) {
        waitFor(ExpectedConditions.textToBe(By.id("status"), text));
    }

    /** Waits until the error box is shown and returns what it says. */
    String error() {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error")))
                .getText();
    }

    boolean shown(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    WebElement visible(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), 0));
    }

    void type(String id, String text) {
        WebElement field = waitFor(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        waitFor(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks a button of a list item; lists are drawn anew after each change, so a stale item is looked up again. */
    void clickIn(String css, String buttonClass) {
        waitFor(driver -> {
            try {
                driver.findElement(By.cssSelector(css))
                        .findElement(By.className(buttonClass))
                        .click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException drawnAnew) {
                return false;
            }
        });
    }

    /**
     * Chooses an option of a select box once the page has listed it: the lists are filled by a request the screen
     * makes when shown, and drawn anew after each change, so the option may not be there yet or may go stale.
     */
    void choose(String selectId, String value) {
        waitFor(driver -> {
            try {
                new Select(driver.findElement(By.id(selectId))).selectByValue(value);
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException notListedYet) {
                return false;
            }
        });
    }

    private String text(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return found.isEmpty() ? "(no #" + id + ")" : "\"" + found.get(0).getText() + "\"";
    }

    @Override
    public void close() {
        browser.quit();
        browser = null;
    }
}
