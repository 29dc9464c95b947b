package org.parley.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, through Debian's chromedriver (test-peers.sh installs both), for the page tests. */
final class HeadlessChromium {

    private HeadlessChromium() {}

    /** @param downloads where the browser saves downloads without asking */
    static WebDriver start(String test, Path downloads) {
        Path chromium = Paths.get(System.getProperty("parley.test.chromium", "/usr/bin/chromium"));
        Path chromedriver = Paths.get(System.getProperty("parley.test.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new AssertionError(test + " needs Debian's Chromium and chromedriver at " + chromium + " and "
                    + chromedriver + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        // Both paths given, so Selenium Manager has nothing to look up or download.
        options.setBinary(chromium.toFile());
        // Root (CI) cannot use Chromium's sandbox; /dev/shm is small in containers.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1024",
                "--no-first-run",
                "--disable-extensions");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
