package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.portal.devstack.DevIssuer;

/**
 * The route table: each path reaches the service that owns it, public calls without a token,
 * editorial calls with an editor's. The services are stand-ins that answer with their own name
 * and the request they got.
 */
class GatewayRoutesTest extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            GET,    /api/articles,                                   article-service, anyone
            GET,    /api/articles?page=1&size=20,                    article-service, anyone
            GET,    /api/articles/khoi-mat-tran-va-cac-to-chuc,      article-service, anyone
            GET,    /api/articles/search?q=thi%20dua,                article-service, anyone
            HEAD,   /api/articles/a1,                                article-service, anyone
            GET,    /api/editorial/drafts,                           article-service, editor
            POST,   /api/editorial/drafts,                           article-service, editor
            PUT,    /api/editorial/drafts/d1,                        article-service, editor
            DELETE, /api/editorial/drafts/d1,                        article-service, editor
            POST,   /api/editorial/drafts/d1/publish,                article-service, editor
            GET,    /api/editorial/articles/a1/revisions,            article-service, editor
            POST,   /api/admin/rebuild,                              article-service, editor
            POST,   /api/admin/ratings/replay,                       rating-service,  editor
            GET,    /api/articles/a1/rating,                         rating-service,  anyone
            POST,   /api/articles/a1/ratings,                        rating-service,  anyone
            GET,    /api/ratings/top?days=7&limit=10,                rating-service,  anyone
            GET,    /api/media/m1,                                   media-service,   anyone
            GET,    /api/media/m1/original,                          media-service,   anyone
            POST,   /api/media,                                      media-service,   editor
            PATCH,  /api/media/m1,                                   media-service,   editor
            DELETE, /api/media/m1,                                   media-service,   editor
            GET,    /api/articles/a1/gallery,                        media-service,   anyone
            GET,    /api/galleries,                                  media-service,   anyone
            GET,    /api/galleries/g1,                               media-service,   anyone
            GET,    /,                                               portal,          anyone
            GET,    /tin-tuc/khoi-mat-tran-va-cac-to-chuc,           portal,          anyone
            GET,    /tim-kiem?q=thi%20dua,                           portal,          anyone
            GET,    /thu-vien-anh,                                   portal,          anyone
            GET,    /rss.xml,                                        portal,          anyone
            HEAD,   /sitemap.xml,                                    portal,          anyone
            GET,    /admin,                                          portal,          anyone
            GET,    /apiary,                                         portal,          anyone
            """)
    void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service, String caller) {
        var request = request(method, path);
        if (caller.equals("editor")) {
            request.header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien"));
        }

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Seen-Body-Length")).isPresent();
        if (!method.equals("HEAD")) {
            assertThat(response.body()).isEqualTo(service + " " + method + " " + path);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} /v3/api-docs")
    @CsvSource(textBlock = """
            /v3/api-docs/article-service, article-service
            /v3/api-docs/rating-service,  rating-service
            /v3/api-docs/media-service,   media-service
            """)
    void servesEachServicesApiDocumentNamingTheGatewayAsItsServer(String path, String service) {
        HttpResponse<String> response = send(request("GET", path));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"title\":\"" + service + "\"")
                .contains("\"servers\":[{\"url\":\"/\"")
                .doesNotContain("127.0.0.1");
    }

    /**
     * The portal reads the API on behalf of the reader: it is told the reader's address as the
     * limits see it, never one the client chose (this gateway trusts no proxy).
     */
    @org.junit.jupiter.api.Test
    void tellsThePortalTheReadersAddressAndNotOneTheClientChose() {
        HttpResponse<String> response = send(request("GET", "/tin-tuc/a1").header("X-Forwarded-For", "203.0.113.9")
                .header("X-Client-Address", "198.51.100.7"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Seen-Client-Address")).hasValue("127.0.0.1");
    }

    /** Every path that is not the API's, its documents' or the gateway's own is the portal's (a page or its 404). */
    @ParameterizedTest
    @CsvSource(textBlock = """
            POST, /tin-tuc/a1
            PUT,  /
            """)
    void letsNoWriteThroughToThePortal(String method, String path) {
        HttpResponse<String> response = send(request(method, path));

        assertThat(response.statusCode()).isIn(401, 403, 404, 405);
        assertThat(response.body()).doesNotContain("portal " + method);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /api/unknown
            /api
            /v3/api-docs/unknown-service
            /actuator/unknown
            """)
    void answersAPathNoServiceOwnsWithANotFoundProblem(String path) {
        HttpResponse<String> response = send(request("GET", path));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://portal.vn/problems/not-found\"")
                .contains("\"status\":404");
    }
}
