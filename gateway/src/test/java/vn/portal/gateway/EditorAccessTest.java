package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.portal.devstack.DevIssuer;

/**
 * Who may do what: every editorial route refuses a missing, expired, foreign-signed,
 * foreign-issued or foreign-audience token (401) and a reader's token (403), and lets an editor
 * through, with the token passed on for the service to check again. Reads and voting need no token.
 */
class EditorAccessTest extends GatewayTestSupport {

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Caller(String name, Supplier<String> token, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> EDITORIAL_ROUTES = List.of(
            new Route("GET", "/api/editorial/drafts"),
            new Route("POST", "/api/editorial/drafts"),
            new Route("GET", "/api/editorial/drafts/d1"),
            new Route("PUT", "/api/editorial/drafts/d1"),
            new Route("DELETE", "/api/editorial/drafts/d1"),
            new Route("POST", "/api/editorial/drafts/d1/publish"),
            new Route("PUT", "/api/editorial/drafts/d1/schedule"),
            new Route("DELETE", "/api/editorial/drafts/d1/schedule"),
            new Route("POST", "/api/editorial/drafts/d1/corrections"),
            new Route("POST", "/api/editorial/drafts/d1/unpublish"),
            new Route("GET", "/api/editorial/articles/a1/revisions"),
            new Route("POST", "/api/admin/rebuild"),
            new Route("POST", "/api/admin/ratings/replay"),
            new Route("GET", "/api/admin/ratings"),
            new Route("POST", "/api/media"),
            new Route("PATCH", "/api/media/m1"),
            new Route("PUT", "/api/media/m1"),
            new Route("DELETE", "/api/media/m1"),
            new Route("POST", "/api/galleries"),
            new Route("DELETE", "/api/galleries/g1"),
            new Route("POST", "/api/articles"),
            new Route("DELETE", "/api/articles/a1"));

    static final List<Caller> CALLERS = List.of(
            new Caller("no token", () -> null, 401),
            new Caller("expired", () -> DevIssuer.forTests().expiredEditorToken("bien.tap.vien"), 401),
            new Caller("wrong signature", DevIssuer::editorTokenWithAWrongSignature, 401),
            new Caller("wrong issuer", () -> DevIssuer.forTests().editorTokenFromIssuer("https://evil.example/realms/x"), 401),
            new Caller("wrong audience", () -> DevIssuer.forTests().editorTokenForAudience("another-app"), 401),
            new Caller("not a JWT", () -> "not-a-jwt", 401),
            new Caller("no expiry", () -> DevIssuer.forTests().editorTokenWithoutExpiry("bien.tap.vien"), 401),
            new Caller("ten years", () -> DevIssuer.forTests().editorTokenForTenYears("bien.tap.vien"), 401),
            new Caller("look-alike role", () -> DevIssuer.forTests().lookalikeEditorToken("bien.tap.vien"), 403),
            new Caller("reader role", () -> DevIssuer.forTests().readerToken("ban.doc"), 403),
            new Caller("editor role", () -> DevIssuer.forTests().editorToken("bien.tap.vien"), 200));

    static Stream<Arguments> editorialRoutesTimesCallers() {
        return EDITORIAL_ROUTES.stream().flatMap(route -> CALLERS.stream().map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("editorialRoutesTimesCallers")
    void letsOnlyAnEditorWithAValidTokenMakeAnEditorialCall(Route route, Caller caller) {
        var request = request(route.method(), route.path());
        String token = caller.token().get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(caller.status());
        if (caller.status() == 200) {
            assertThat(response.headers().firstValue("Seen-Authorization")).hasValue("Bearer " + token);
        } else {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"type\":\"https://portal.vn/problems/"
                    + (caller.status() == 401 ? "unauthenticated" : "forbidden") + "\"");
            assertThat(response.headers().firstValue("Seen-Body-Length")).as("never reached the service").isEmpty();
        }
        if (caller.status() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            GET,  /api/articles
            GET,  /api/articles/a1
            GET,  /api/articles/search?q=thi%20dua
            GET,  /api/articles/a1/rating
            POST, /api/articles/a1/ratings
            GET,  /api/ratings/top
            GET,  /api/media/m1/thumb
            GET,  /api/articles/a1/gallery
            GET,  /api/galleries
            """)
    void letsAnyoneReadAndVoteWithoutAToken(String method, String path) {
        assertThat(send(request(method, path)).statusCode()).isEqualTo(200);
    }

    @Test
    void takesTheVoterOfASignedInReaderFromTheirAccount() {
        HttpResponse<String> response = send(request("POST", "/api/articles/a1/ratings")
                .header("Authorization", "Bearer " + DevIssuer.forTests().readerToken("ban.doc")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Seen-Voter-Id"))
                .hasValue(new vn.portal.identity.VoterIds("dev-only-voter-secret-change-me").forAccount("ban.doc"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("no anonymous cookie for an account").isEmpty();
    }
}
