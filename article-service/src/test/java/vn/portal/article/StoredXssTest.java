package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.devstack.hostile.Executable;
import vn.portal.devstack.hostile.XssVectors;

/**
 * R6 on article-service's API output: every XSS vector as an article body (published, read back
 * as readers get it), and as a title, lead, tag, image caption and credit, correction note and
 * search query. A body comes
 * back sanitized with nothing executable in it; a plain-text field either refuses the vector
 * (400 problem) or keeps text without markup; a search answers JSON, never HTML.
 */
@EmbeddedPlatform
@WithDevIssuer
class StoredXssTest extends FlowTestSupport {

    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/?]");
    private static final String BODY = "<p>Đoạn mở đầu.</p>";

    @Test
    void letsNoVectorReachAReaderAsSomethingABrowserRuns() throws Exception {
        List<String> vectors = XssVectors.all();
        List<String> breaches = new ArrayList<>();
        Map<String, int[]> figures = new LinkedHashMap<>(); // field -> sent, accepted, refused
        String published = null;
        String publishedSlug = null;

        Map<String, String> slugs = new LinkedHashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            String id = created(draft("Bài thử số " + i + " " + unique(), BODY + vector + BODY, "lead", List.of("thử")));
            HttpResponse<byte[]> publish = call("POST", "/api/editorial/drafts/" + id + "/publish", editorToken(), null);
            if (publish.statusCode() == 202) {
                slugs.put(vector, json(publish).get("slug").asString());
                published = id;
                publishedSlug = slugs.get(vector);
            } else {
                count(figures, "body", publish.statusCode());
                judgeRefusal(breaches, "body publish", vector, publish);
            }
        }
        for (Map.Entry<String, String> article : slugs.entrySet()) {
            HttpResponse<byte[]> read = await(article.getValue());
            count(figures, "body", 202);
            JsonNode body = json(read);
            List<String> executable = Executable.in(body.get("bodyHtml").asString());
            if (!executable.isEmpty()) {
                breaches.add("body " + article.getKey() + " -> " + executable);
            }
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }

        for (String vector : vectors) {
            plainText(figures, breaches, "title", vector, draft(vector, BODY, "lead", List.of("thử")), "title");
            plainText(figures, breaches, "lead", vector, draft("Tin " + unique(), BODY, vector, List.of("thử")), "lead");
            plainText(figures, breaches, "tag", vector, draft("Tin " + unique(), BODY, "lead", List.of(vector)), "tags");
            plainText(figures, breaches, "image caption", vector, withImage(Map.of("url", "/api/media/abc/w1024",
                    "caption", vector, "alt", "Ảnh")), "images");
            plainText(figures, breaches, "image credit", vector, withImage(Map.of("url", "/api/media/abc/w1024",
                    "caption", "Ảnh", "alt", "Ảnh", "credit", vector)), "images");
            HttpResponse<byte[]> correction = call("POST", "/api/editorial/drafts/" + published + "/corrections",
                    editorToken(), Map.of("note", vector));
            count(figures, "correction note", correction.statusCode());
            if (correction.statusCode() == 202) {
                awaitRevision(published, json(correction).get("revision").asLong());
                String note = json(call("GET", "/api/articles/" + publishedSlug, null, null))
                        .path("correctionNote").asString("");
                judgeText(breaches, "correction note", vector, note);
            } else {
                judgeRefusal(breaches, "correction note", vector, correction);
            }
            HttpResponse<byte[]> search = get("/api/articles/search?q=" + URLEncoder.encode(vector, StandardCharsets.UTF_8));
            count(figures, "search query", search.statusCode() == 200 ? 202 : search.statusCode());
            if (search.statusCode() >= 500 || !search.headers().firstValue("Content-Type").orElse("").contains("json")) {
                breaches.add("search " + vector + " -> " + search.statusCode() + " " + search.headers().firstValue("Content-Type"));
            }
        }

        StringBuilder line = new StringBuilder("[R6] article-service API: " + vectors.size() + " vectors;");
        figures.forEach((field, f) -> line.append(String.format(" %s sent %d, accepted %d, refused %d;", field, f[0], f[1], f[2])));
        line.append(" executable on the output ").append(breaches.size());
        System.out.println(line);
        assertThat(breaches).isEmpty();
    }

    private void plainText(Map<String, int[]> figures, List<String> breaches, String field, String vector,
                           Map<String, Object> draft, String property) throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", editorToken(), draft);
        count(figures, field, response.statusCode() == 201 ? 202 : response.statusCode());
        if (response.statusCode() == 201) {
            JsonNode stored = json(response).get(property);
            judgeText(breaches, field, vector, stored.isArray() ? stored.get(0).toString() : stored.asString());
        } else {
            judgeRefusal(breaches, field, vector, response);
        }
    }

    private static void judgeText(List<String> breaches, String field, String vector, String text) {
        if (MARKUP.matcher(text).find() || !Executable.in(text).isEmpty()) {
            breaches.add(field + " " + vector + " -> kept as " + text);
        }
    }

    private static void judgeRefusal(List<String> breaches, String field, String vector, HttpResponse<byte[]> response) {
        if (response.statusCode() != 400 || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            breaches.add(field + " " + vector + " -> " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static void count(Map<String, int[]> figures, String field, int status) {
        int[] f = figures.computeIfAbsent(field, key -> new int[3]);
        f[0]++;
        if (status == 202) {
            f[1]++;
        } else {
            f[2]++;
        }
    }

    private String created(Map<String, Object> draft) throws Exception {
        HttpResponse<byte[]> response = call("POST", "/api/editorial/drafts", editorToken(), draft);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private HttpResponse<byte[]> await(String slug) {
        return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> get("/api/articles/" + slug), r -> r.statusCode() == 200);
    }

    private static Map<String, Object> withImage(Map<String, Object> image) {
        Map<String, Object> draft = new LinkedHashMap<>(draft("Tin có ảnh " + unique(), BODY, "lead", List.of("thử")));
        draft.put("images", List.of(image));
        return draft;
    }

    private static Map<String, Object> draft(String title, String body, String lead, List<String> tags) {
        return Map.of("title", title, "lead", lead, "bodyHtml", body, "author", "Thái Hoàn",
                "category", "Tin tức - Sự kiện", "tags", tags);
    }
}
