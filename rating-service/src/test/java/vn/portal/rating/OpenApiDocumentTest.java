package vn.portal.rating;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.OpenApiDocuments;

/**
 * The OpenAPI document this service serves is the one committed as docs/openapi/rating-service.json
 * (regenerate it with -Dopenapi.write=true, see README).
 */
@EmbeddedPlatform
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheCommittedOpenApiDocument() {
        OpenApiDocuments.assertServesTheCommittedDocument("rating-service", port);
    }
}
