package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.devstack.LocalRun;
import vn.portal.devstack.hostile.Executable;
import vn.portal.devstack.hostile.XssVectors;

/**
 * R6 in a reader's browser: every XSS vector published in article bodies through the gateway's
 * editorial API, and sent as the search query, then the pages opened in real headless Chromium.
 * Before any page script runs, alert, confirm, prompt and print are replaced by recorders (a CDP
 * script, which no page CSP stops): none may be called, no dialog may be open, the article body
 * may hold nothing executable, and no element of the page an event handler or a script URL.
 * Skipped like {@link PortalBrowserIT} when Chromium is missing (a failure in CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalXssIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int VECTORS_PER_ARTICLE = 15;
    private static final String RECORDERS = """
            window.__ran = [];
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
              window[name] = function () { window.__ran.push(name + '(' + Array.from(arguments).join(',') + ')'); };
            }
            window.__blocked = [];
            document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));
            """;
    /** What on the whole page could run: handlers, script URLs, scripts from elsewhere. */
    private static final String PAGE_CHECK = """
            const found = [];
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                const v = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                if (a.name.toLowerCase().startsWith('on')) found.push(el.tagName + ' ' + a.name);
                // a URL attribute only: the search box's value is the reader's text, never run
                if (/^(href|src|action|formaction|data|poster|background|xlink:href|srcdoc|srcset)$/i.test(a.name)
                    && /^(javascript|vbscript|data:text\\/html|data:image\\/svg)/.test(v)) found.push(el.tagName + ' ' + a.name + '=' + v);
              }
            }
            for (const s of document.scripts) {
              if (s.src && new URL(s.src).origin !== location.origin) found.push('script ' + s.src);
              if (!s.src && s.type !== 'application/ld+json') found.push('inline script ' + s.textContent.slice(0, 80));
            }
            for (const f of document.querySelectorAll('iframe,frame,object,embed,base')) found.push(f.tagName);
            return found;
            """;

    private LocalRun run;
    private LocalRun.Settings settings;
    private ChromeDriver browser;
    private int dialogs;
    private int ran;

    @BeforeAll
    void startThePlatformAndABrowser(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        boolean required = "required".equals(System.getenv("PORTAL_BROWSER_TESTS"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            assertThat(required).as("PORTAL_BROWSER_TESTS=required, but Chromium or ChromeDriver is missing").isFalse();
            Assumptions.abort("Chromium or ChromeDriver missing: apt-get install chromium chromium-driver");
        }
        settings = LocalRun.Settings.onFreePorts(ROOT, data.resolve("platform"));
        run = LocalRun.start(settings);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=1280,900",
                "--user-data-dir=" + data.resolve("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDERS));
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
    void runsNoVectorInTheArticlePagesNorTheSearchPage() throws Exception {
        List<String> vectors = XssVectors.all();
        String token = run.issuer().editorToken("bien-tap-vien");
        List<String> slugs = new ArrayList<>();
        for (int from = 0; from < vectors.size(); from += VECTORS_PER_ARTICLE) {
            StringBuilder body = new StringBuilder("<p>Bài thử an toàn.</p>");
            vectors.subList(from, Math.min(from + VECTORS_PER_ARTICLE, vectors.size()))
                    .forEach(vector -> body.append("<p>").append(vector).append("</p>"));
            String draft = JSON.writeValueAsString(Map.of("title", "Bài thử an toàn số " + from, "lead", "Thử.",
                    "bodyHtml", body.toString(), "author", "Thái Hoàn", "category", "Tin tức - Sự kiện"));
            HttpResponse<String> created = send("POST", "/api/editorial/drafts", token, draft);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asString();
            HttpResponse<String> published = send("POST", "/api/editorial/drafts/" + id + "/publish", token, null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
            slugs.add(JSON.readTree(published.body()).get("slug").asString());
        }

        List<String> breaches = new ArrayList<>();
        int pages = 0;
        long blocked = 0;
        for (String slug : slugs) {
            await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", "/tin-tuc/" + slug, null, null).statusCode() == 200);
            pages++;
            blocked += visit("/tin-tuc/" + slug, breaches);
            Object body = browser.executeScript("return document.querySelector('.article-body').innerHTML;");
            List<String> executable = Executable.in(String.valueOf(body));
            if (!executable.isEmpty()) {
                breaches.add("/tin-tuc/" + slug + " body: " + executable);
            }
        }
        for (String vector : vectors) {
            pages++;
            blocked += visit("/tim-kiem?q=" + URLEncoder.encode(vector, StandardCharsets.UTF_8), breaches);
        }

        System.out.println(String.format("[R6] portal in Chromium: %d vectors in %d articles and as %d search queries; %d pages opened, "
                        + "dialog functions called %d, dialogs open %d, pages with something executable %d, CSP blocks %d",
                vectors.size(), slugs.size(), vectors.size(), pages, ran, dialogs, breaches.size(), blocked));
        assertThat(breaches).isEmpty();
    }

    /** Opens the page, lets handlers fire (load, error, focus, toggle, animation), and records what ran. */
    private long visit(String path, List<String> breaches) throws InterruptedException {
        browser.get(settings.gatewayUrl() + path);
        browser.executeScript("document.querySelectorAll('[tabindex],input,select,textarea,details').forEach(e => { try { e.focus(); } catch (x) {} });"
                + "document.querySelectorAll('*').forEach(e => { try { e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); } catch (x) {} });");
        Thread.sleep(150); // onerror of broken images, animations: they fire right after load
        try {
            browser.switchTo().alert();
            dialogs++;
            breaches.add(path + ": a dialog is open");
            browser.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // as it should be
        }
        List<?> called = (List<?>) browser.executeScript("return window.__ran;");
        if (called != null && !called.isEmpty()) {
            ran += called.size();
            breaches.add(path + ": ran " + called);
        }
        List<?> active = (List<?>) browser.executeScript(PAGE_CHECK);
        if (!active.isEmpty()) {
            breaches.add(path + ": " + active);
        }
        List<?> blocked = (List<?>) browser.executeScript("return window.__blocked;");
        return blocked == null ? 0 : blocked.size();
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
