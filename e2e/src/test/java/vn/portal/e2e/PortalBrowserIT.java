package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.devstack.LocalRun;

/**
 * The portal as a reader meets it: the whole platform started as {@code ./run} starts it, and the
 * seed article's page driven in real headless Chromium (Debian {@code chromium} and
 * {@code chromium-driver}). Accessibility is checked by axe-core injected into each page and the
 * markup by html-validate (both from npm, {@code npm ci} in {@code e2e/}). Without Chromium or the
 * npm tools the class is skipped, unless {@code PORTAL_BROWSER_TESTS=required} (as in CI), where
 * that is a failure. Screenshots go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TOOLS = ROOT.resolve("e2e/node_modules");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration TALLY = Duration.ofSeconds(35);

    private JsonNode fixture;
    private LocalRun run;
    private LocalRun.Settings settings;
    private ChromeDriver browser;
    private String slug;

    @BeforeAll
    void startThePlatformAndABrowser(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        boolean required = "required".equals(System.getenv("PORTAL_BROWSER_TESTS"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                && Files.exists(TOOLS.resolve("axe-core/axe.min.js")) && Files.exists(TOOLS.resolve(".bin/html-validate"));
        if (!present) {
            assertThat(required).as("PORTAL_BROWSER_TESTS=required, but Chromium, ChromeDriver or e2e/node_modules is missing").isFalse();
            Assumptions.abort("Chromium, ChromeDriver or e2e/node_modules missing: apt-get install chromium chromium-driver; npm ci --prefix e2e");
        }
        try (InputStream in = LocalRun.class.getResourceAsStream("/seed/seed-article.json")) {
            fixture = JSON.readTree(in);
        }
        slug = fixture.get("expectedSlug").asString();
        settings = LocalRun.Settings.onFreePorts(ROOT, data.resolve("platform"));
        run = LocalRun.start(settings);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=1280,900",
                "--user-data-dir=" + data.resolve("chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (run != null) {
            run.stop();
        }
    }

    @Test
    void showsTheSeedArticleAsTheOriginalPageDid() {
        open("/tin-tuc/" + slug);

        assertThat(text(".headline")).isEqualTo(fixture.get("title").asString());
        assertThat(text(".article > .lead")).isEqualTo(fixture.get("lead").asString());
        List<String> captions = browser.findElements(By.cssSelector(".article-body figcaption")).stream()
                .map(WebElement::getText).toList();
        assertThat(captions).containsExactly(fixture.get("body").get(0).get("caption").asString(),
                fixture.get("body").get(2).get("caption").asString());
        assertThat(text(".byline")).contains(fixture.get("author").asString());
        assertThat(text(".article .meta time")).isEqualTo("Thứ Tư, 31/01/2024 10:00");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href"))
                .isEqualTo(publicUrl("/tin-tuc/" + slug));
        // every photo: alt text, width and height; the first loaded at once, the rest lazily
        List<WebElement> photos = browser.findElements(By.cssSelector(".article-body img"));
        assertThat(photos).hasSize(2).allSatisfy(img -> {
            assertThat(img.getAttribute("alt")).isNotBlank();
            assertThat(img.getAttribute("width")).isNotBlank();
            assertThat(img.getAttribute("srcset")).contains("320w");
        });
        assertThat(photos.get(0).getDomAttribute("loading")).isNull();
        assertThat(photos.get(1).getDomAttribute("loading")).isEqualTo("lazy");
    }

    @Test
    void redirectsTheArticleIdToItsReadableAddress() throws Exception {
        String id = JSON.readTree(get("/api/articles/" + slug).body()).get("id").asString();
        HttpResponse<String> byId = get("/tin-tuc/" + id);

        assertThat(byId.statusCode()).isEqualTo(301);
        assertThat(byId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/tin-tuc/" + slug));
        assertThat(get("/tin-tuc/khong-co-bai-nay").statusCode()).isEqualTo(404);
        assertThat(get("/tin-tuc/khong-co-bai-nay").body()).contains("Không tìm thấy trang");
    }

    @Test
    void makesTheTextLargerWithAPlusAndRemembersItAcrossAReload() {
        open("/tin-tuc/" + slug);
        double before = fontSize(".article-body");

        click(".text-size button[data-text-size='1']");
        double larger = fontSize(".article-body");
        browser.navigate().refresh();
        double afterReload = fontSize(".article-body");
        click(".text-size button[data-text-size='0']");

        System.out.printf("[portal] body text %.1f px, after A+ %.1f px, after a reload %.1f px%n", before, larger, afterReload);
        assertThat(larger).isGreaterThan(before);
        assertThat(afterReload).isEqualTo(larger);
        assertThat(fontSize(".article-body")).isEqualTo(before);
    }

    @Test
    void switchesToHighContrastMeetingTheRatiosAndRemembersIt() {
        open("/tin-tuc/" + slug);
        double normal = contrast(".article-body p");
        double normalMeta = contrast(".article .meta");

        WebElement toggle = browser.findElement(By.cssSelector(".contrast-toggle"));
        assertThat(toggle.getText()).isEqualTo("Tăng tương phản");
        toggle.click();
        double high = contrast(".article-body p");
        browser.navigate().refresh();
        String afterReload = browser.findElement(By.cssSelector("html")).getAttribute("data-contrast");
        double highAfterReload = contrast(".article-body p");
        screenshot("article-high-contrast-desktop.png", 1280);
        assertThat(browser.findElement(By.cssSelector(".contrast-toggle")).getText()).isEqualTo("Giảm tương phản");
        click(".contrast-toggle");

        System.out.printf("[portal] contrast: normal body %.1f:1, secondary %.1f:1; high %.1f:1%n", normal, normalMeta, high);
        assertThat(normal).isGreaterThanOrEqualTo(4.5);
        assertThat(normalMeta).isGreaterThanOrEqualTo(4.5);
        assertThat(high).isGreaterThanOrEqualTo(7.0);
        assertThat(afterReload).isEqualTo("high");
        assertThat(highAfterReload).isEqualTo(high);
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("data-contrast")).isNull();
    }

    @Test
    void votesFromTheStarsAndUpdatesTheRatingLineWithoutAReload() throws Exception {
        String fresh = publishAFreshArticle();
        open("/tin-tuc/" + fresh);
        WebElement line = browser.findElement(By.cssSelector(".rating-line"));
        assertThat(line.getText()).isEqualTo("Tổng số điểm của bài viết là: 0 trong 0 đánh giá");
        browser.executeScript("window.__sameDocument = true;");

        // the page follows the tally for up to 30 s; a busy CI machine may need most of it
        click(".stars button[aria-label='4 sao']");
        new WebDriverWait(browser, TALLY).until(b -> line.getText().equals("Tổng số điểm của bài viết là: 4 trong 1 đánh giá"));
        click(".stars button[aria-label='2 sao']");
        new WebDriverWait(browser, TALLY).until(b -> line.getText().equals("Tổng số điểm của bài viết là: 2 trong 1 đánh giá"));

        assertThat(browser.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        assertThat(line.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(text(".rating-message")).isEqualTo("Cảm ơn bạn đã đánh giá 2 sao.");
    }

    @Test
    void opensMovesAndClosesTheLightboxFromTheKeyboard() {
        open("/tin-tuc/" + slug);
        WebElement first = browser.findElement(By.cssSelector(".article-body a.zoom"));
        first.sendKeys(Keys.ENTER);
        WebElement dialog = browser.findElement(By.cssSelector("dialog.lightbox"));
        new WebDriverWait(browser, WAIT).until(b -> dialog.getAttribute("open") != null);
        assertThat(dialog.findElement(By.cssSelector("figcaption")).getText())
                .startsWith(fixture.get("body").get(0).get("caption").asString());
        assertThat(text(".lightbox-count")).isEqualTo("Ảnh 1 / 2");

        active().sendKeys(Keys.ARROW_RIGHT);
        assertThat(text(".lightbox-count")).isEqualTo("Ảnh 2 / 2");
        assertThat(dialog.findElement(By.cssSelector("figcaption")).getText())
                .startsWith(fixture.get("body").get(2).get("caption").asString());
        active().sendKeys(Keys.ESCAPE);

        new WebDriverWait(browser, WAIT).until(b -> dialog.getAttribute("open") == null);
        assertThat(active()).isEqualTo(first);
    }

    @Test
    void listsTheSeedArticlesGalleryInThePhotoLibrary() {
        open("/thu-vien-anh");
        assertThat(text("main h1")).isEqualTo("Thư viện ảnh");
        WebElement gallery = browser.findElements(By.cssSelector(".gallery-grid a")).stream()
                .filter(a -> a.findElement(By.cssSelector(".gallery-title")).getText().equals(fixture.get("title").asString()))
                .findFirst().orElseThrow();
        screenshot("photo-library.png", 1280);

        gallery.click();
        List<String> captions = browser.findElements(By.cssSelector(".gallery-photos figcaption span")).stream()
                .map(WebElement::getText).toList();
        assertThat(captions).containsExactly(fixture.get("body").get(0).get("caption").asString(),
                fixture.get("body").get(2).get("caption").asString());
        assertThat(text(".gallery-photos .credit")).startsWith("Ảnh: ");
    }

    @Test
    void findsTheSeedArticleWithoutDiacriticsAndMarksTheWords() {
        open("/tim-kiem?q=" + URLEncoder.encode("thi dua", StandardCharsets.UTF_8));

        WebElement hit = browser.findElement(By.cssSelector(".search-results h2 a"));
        assertThat(hit.getAttribute("href")).endsWith("/tin-tuc/" + slug);
        assertThat(hit.getText()).isEqualTo(fixture.get("title").asString());
        assertThat(hit.findElements(By.tagName("mark")).stream().map(WebElement::getText)).contains("thi đua");
    }

    @Test
    void carriesTheArticlesUrlTitleAndImageInShareLinksCardsAndStructuredData() {
        open("/tin-tuc/" + slug);
        String url = publicUrl("/tin-tuc/" + slug);
        String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String title = fixture.get("title").asString();

        for (String target : List.of("facebook", "x", "zalo")) {
            assertThat(browser.findElement(By.cssSelector(".share-" + target)).getAttribute("href")).contains(encoded);
        }
        assertThat(meta("og:url")).isEqualTo(url);
        assertThat(meta("og:title")).isEqualTo(title);
        assertThat(meta("og:image")).startsWith(publicUrl("/api/media/")).endsWith("/crop-16x9");
        assertThat(browser.findElement(By.cssSelector("meta[name='twitter:card']")).getAttribute("content"))
                .isEqualTo("summary_large_image");
        JsonNode ld = JSON.readTree((String) browser.executeScript(
                "return document.querySelector('script[type=\"application/ld+json\"]').textContent;"));
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo(title);
        assertThat(ld.get("url").asString()).isEqualTo(url);
        assertThat(ld.get("datePublished").asString()).isEqualTo("2024-01-31T10:00:00+07:00");
        assertThat(ld.get("image")).hasSize(3);
        assertThat(ld.get("image").get(0).asString()).endsWith("/crop-1x1");
        assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo(fixture.get("author").asString());
    }

    @Test
    void hasNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        String axe = Files.readString(TOOLS.resolve("axe-core/axe.min.js"));
        List<String> found = new ArrayList<>();
        for (String page : List.of("/", "/tin-tuc/" + slug, "/tim-kiem?q=thi+dua", "/thu-vien-anh")) {
            for (boolean high : List.of(false, true)) {
                open(page);
                if (high) {
                    browser.executeScript("localStorage.setItem('portal.contrast','high');");
                    browser.navigate().refresh();
                }
                browser.executeScript(axe);
                String violations = (String) browser.executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                          done(JSON.stringify(r.violations
                            .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                            .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));
                        }, function (e) { done(JSON.stringify(['axe failed: ' + e])); });
                        """);
                List<String> serious = new ArrayList<>();
                JSON.readTree(violations).forEach(v -> serious.add(v.asString()));
                System.out.printf("[portal] axe-core %s%s: %d serious or critical%n", page, high ? " (high contrast)" : "", serious.size());
                serious.forEach(v -> found.add(page + (high ? " [high contrast] " : " ") + v));
                browser.executeScript("localStorage.removeItem('portal.contrast');");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void servesPagesThatPassAnHtmlValidator(@org.junit.jupiter.api.io.TempDir Path pages) throws Exception {
        List<String> files = new ArrayList<>();
        Map<String, String> paths = Map.of("article.html", "/tin-tuc/" + slug, "home.html", "/",
                "search.html", "/tim-kiem?q=thi+dua", "library.html", "/thu-vien-anh",
                "not-found.html", "/khong-co-trang-nay");
        for (var page : paths.entrySet()) {
            Path file = pages.resolve(page.getKey());
            Files.writeString(file, get(page.getValue()).body());
            files.add(file.toString());
        }
        List<String> command = new ArrayList<>(List.of(TOOLS.resolve(".bin/html-validate").toString(),
                "--config", ROOT.resolve("e2e/.htmlvalidate.json").toString()));
        command.addAll(files);
        Process validator = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(validator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = validator.waitFor();

        System.out.printf("[portal] html-validate on %d pages: exit %d%n%s%n", files.size(), exit, report);
        assertThat(exit).as(report).isZero();
    }

    @Test
    void listsTheArticleInTheFeedAndTheSitemaps() throws Exception {
        String url = publicUrl("/tin-tuc/" + slug);
        HttpResponse<String> rss = get("/rss.xml");
        assertThat(rss.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        assertThat(rss.body()).contains("<rss version=\"2.0\"").contains("<link>" + url + "</link>")
                .contains(fixture.get("title").asString());
        assertThat(get("/chuyen-muc/tin-tuc-su-kien/rss.xml").body()).contains("<link>" + url + "</link>");
        assertThat(get("/sitemap.xml").body()).contains("<loc>" + url + "</loc>");
        assertThat(get("/robots.txt").body()).contains("Sitemap: " + publicUrl("/sitemap.xml"));
        open("/");
        assertThat(browser.findElement(By.cssSelector("link[rel=alternate][type='application/rss+xml']"))
                .getAttribute("href")).endsWith("/rss.xml");
    }

    @Test
    void savesScreenshotsOfTheArticleOnADesktopAndAPhone() {
        open("/tin-tuc/" + slug);
        screenshot("article-desktop.png", 1280);
        screenshot("article-phone.png", 390);
        browser.executeScript("localStorage.setItem('portal.contrast','high');");
        browser.navigate().refresh();
        screenshot("article-high-contrast-phone.png", 390);
        browser.executeScript("localStorage.removeItem('portal.contrast');");
        assertThat(ROOT.resolve("docs/screenshots/article-phone.png")).exists();
    }

    // --- helpers

    private String publishAFreshArticle() throws Exception {
        String token = "Bearer " + run.issuer().editorToken("bien.tap.vien");
        String title = "Bài kiểm thử đánh giá " + System.nanoTime();
        String draft = JSON.writeValueAsString(Map.of("title", title, "lead", "Bài viết mới để thử đánh giá.",
                "bodyHtml", "<p>Nội dung bài viết mới.</p>", "category", "Tin tức - Sự kiện"));
        HttpResponse<String> created = send("POST", "/api/editorial/drafts", draft, token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        HttpResponse<String> published = send("POST", "/api/editorial/drafts/" + id + "/publish", "", token);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
        String api = JSON.readTree(published.body()).get("url").asString();
        String freshSlug = api.substring(api.lastIndexOf('/') + 1);
        await().atMost(WAIT).until(() -> get("/api/articles/" + freshSlug).statusCode() == 200);
        return freshSlug;
    }

    private void open(String path) {
        browser.get(settings.gatewayUrl() + path);
    }

    private String publicUrl(String path) {
        return "http://localhost:" + settings.gatewayPort() + path;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String meta(String property) {
        return browser.findElement(By.cssSelector("meta[property='" + property + "']")).getAttribute("content");
    }

    private void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private double fontSize(String css) {
        return Double.parseDouble(browser.executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).fontSize;", css).toString().replace("px", ""));
    }

    /** The WCAG contrast ratio of an element's text against the background it is drawn on. */
    private double contrast(String css) {
        Object ratio = ((JavascriptExecutor) browser).executeScript("""
                function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; }
                function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                    .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
                var el = document.querySelector(arguments[0]);
                var fg = rgb(getComputedStyle(el).color);
                var bgEl = el, bg = null;
                while (bgEl) { var c = rgb(getComputedStyle(bgEl).backgroundColor); if (c.a > 0) { bg = c; break; } bgEl = bgEl.parentElement; }
                if (!bg) { bg = { r: 255, g: 255, b: 255 }; }
                var a = lum(fg), b = lum(bg);
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                """, css);
        return ((Number) ratio).doubleValue();
    }

    /** The whole page at the given width, into docs/screenshots/. */
    private void screenshot(String name, int width) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
        browser.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(function (i) { i.loading = 'eager'; });");
        await().atMost(WAIT).until(() -> (Boolean) browser.executeScript(
                "return Array.prototype.every.call(document.images, function (i) { return i.complete; });"));
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        try {
            Path file = ROOT.resolve("docs/screenshots").resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                        .header("Content-Type", "application/json").header("Authorization", authorization)
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
