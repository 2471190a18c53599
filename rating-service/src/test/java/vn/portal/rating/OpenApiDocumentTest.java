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
// no tally here: a second live Kafka Streams member would take partitions from the other classes' tallies
@org.springframework.test.context.TestPropertySource(properties = "spring.cloud.stream.bindings.tally-in-0.consumer.auto-startup=false")
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheCommittedOpenApiDocument() {
        OpenApiDocuments.assertServesTheCommittedDocument("rating-service", port);
    }
}
