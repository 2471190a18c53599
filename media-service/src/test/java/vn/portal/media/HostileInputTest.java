package vn.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.devstack.hostile.Caller;
import vn.portal.devstack.hostile.Figures;
import vn.portal.devstack.hostile.HostileSuite;
import vn.portal.devstack.hostile.Route;
import vn.portal.devstack.hostile.ServletRoutes;
import vn.portal.devstack.hostile.Stored;
import vn.portal.devstack.hostile.Executable;
import vn.portal.devstack.hostile.XssVectors;

/**
 * R5 and R8 straight at media-service, over every endpoint its running handler mapping has
 * (the same settings as {@link MediaFlowContract}, so the context is shared).
 */
@EmbeddedPlatform
@WithDevIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
class HostileInputTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Environment environment;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void answersHostileHttpAtEveryEndpointWithA4xxProblemAndStoresNothing() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        Stored before = stored();

        Figures figures = HostileSuite.hostileHttp("media-service", port, routes.all(),
                List.of(Caller.NO_TOKEN, Caller.EDITOR), route -> false);

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(before.grownIn(after)).isEmpty();
    }

    @Test
    void refusesEveryoneButAnEditorAtEveryProtectedRouteAndMethod() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        Stored before = stored();

        Figures figures = HostileSuite.authorizationMatrix("media-service", port, routes.all(), routes::isPublic);

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(figures.inRange(200, 299)).isZero();
        assertThat(before.grownIn(after)).isEmpty();
        assertThat(routes.all()).contains(new Route("POST", "/api/media"));
    }

    /** R6 on media-service: every XSS vector as a caption, alt text, credit and copyright of a stored photo. */
    @Test
    void keepsNoVectorInACaptionCreditAltTextOrCopyright() throws Exception {
        String boundary = "----r6" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(TestImages.random("png", 24, 16));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> uploaded = send(java.net.http.HttpRequest.newBuilder(uri("/api/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = JSON.readTree(uploaded.body()).get("id").asString();

        int sent = 0;
        int refused = 0;
        List<String> breaches = new java.util.ArrayList<>();
        for (String vector : XssVectors.all()) {
            for (String field : List.of("caption", "alt", "credit", "copyright")) {
                sent++;
                java.net.http.HttpResponse<String> patched = send(java.net.http.HttpRequest.newBuilder(uri("/api/media/" + id))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(java.util.Map.of(field, vector)))));
                if (patched.statusCode() == 400 && patched.body().contains("/invalid-media-text")) {
                    refused++;
                    continue;
                }
                String kept = JSON.readTree(send(java.net.http.HttpRequest.newBuilder(uri("/api/media/" + id)).GET())
                        .body()).path(field).asString("");
                if (patched.statusCode() != 200 || kept.matches("(?s).*<[a-zA-Z!/?].*") || !Executable.in(kept).isEmpty()) {
                    breaches.add(field + " " + vector + " -> " + patched.statusCode() + ", kept " + kept);
                }
            }
        }
        System.out.println(String.format("[R6] media-service API: %d vectors as caption, alt, credit, copyright: sent %d, refused %d, "
                + "kept as plain text %d, executable on the output %d", XssVectors.all().size(), sent, refused,
                sent - refused - breaches.size(), breaches.size()));
        assertThat(breaches).isEmpty();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + Caller.EDITOR.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private Stored stored() {
        return Stored.snapshot(mongo, environment.getProperty("spring.kafka.bootstrap-servers"));
    }
}
