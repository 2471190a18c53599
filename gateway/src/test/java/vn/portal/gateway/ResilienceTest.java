package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.portal.devstack.DevIssuer;
import vn.portal.devstack.WithDevIssuer;

/**
 * When rating-service or media-service is down, articles are still served and the portal gets a
 * message it can show in place of the rating line or the photos. Reads are retried when the
 * service could not be reached or said it is unavailable, never after a timeout; writes never.
 * The stand-in services here are this class's own: its tests stop them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.per-address.requests=100000",
        "gateway.rate-limit.ratings-per-address.requests=100000",
        "gateway.rate-limit.ratings-per-voter.requests=100000",
        "gateway.rate-limit.new-voters-per-address.requests=100000"})
@WithDevIssuer
class ResilienceTest extends GatewayClient {

    static final StandInServices SERVICES = StandInServices.startNew();

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @Test
    void servesArticlesWhileRatingServiceIsStoppedAndSaysTheRatingIsUnavailable() {
        SERVICES.stop("rating-service");

        HttpResponse<String> article = send(request("GET", "/api/articles/a1"));
        HttpResponse<String> rating = send(request("GET", "/api/articles/a1/rating"));
        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings"));

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body()).isEqualTo("article-service GET /api/articles/a1");
        for (HttpResponse<String> unavailable : new HttpResponse[] {rating, vote}) {
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(unavailable.body()).contains("https://portal.vn/problems/rating-unavailable")
                    .contains("Chức năng đánh giá tạm thời không khả dụng");
            assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
            assertThat(unavailable.body()).contains("\"instance\":\"/api/articles/a1/rating");
        }
    }

    @Test
    void opensTheRatingCircuitAfterRepeatedFailuresAndKeepsAnswering() {
        SERVICES.stop("rating-service");

        for (int i = 0; i < 12; i++) {
            assertThat(send(request("GET", "/api/articles/a" + i + "/rating")).statusCode()).isEqualTo(503);
        }

        CircuitBreaker ratings = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("ratings");
        assertThat(ratings.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(send(request("GET", "/api/articles/a1/rating")).body()).contains("Chức năng đánh giá");
        assertThat(send(request("GET", "/api/articles/a1")).statusCode()).isEqualTo(200);
    }

    @Test
    void servesArticlesWhileMediaServiceIsStoppedAndSaysThePhotosAreUnavailable() {
        SERVICES.stop("media-service");

        HttpResponse<String> article = send(request("GET", "/api/articles/a2"));
        HttpResponse<String> gallery = send(request("GET", "/api/articles/a2/gallery"));
        HttpResponse<String> upload = send(request("POST", "/api/media")
                .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien")));

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(gallery.statusCode()).isEqualTo(503);
        assertThat(gallery.body()).contains("https://portal.vn/problems/media-unavailable")
                .contains("Thư viện ảnh tạm thời không khả dụng");
        assertThat(upload.statusCode()).isEqualTo(503);
        assertThat(upload.body()).contains("https://portal.vn/problems/service-unavailable");
    }

    @Test
    void retriesAFailedRead() {
        HttpResponse<String> read = send(request("GET", "/api/articles/flaky-read"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Seen-Calls")).hasValue("2");
    }

    @Test
    void neverRetriesAWrite() {
        HttpResponse<String> write = send(request("POST", "/api/editorial/drafts/flaky-write/publish")
                .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien")));
        HttpResponse<String> again = send(request("POST", "/api/editorial/drafts/flaky-write/publish")
                .header("Authorization", "Bearer " + DevIssuer.forTests().editorToken("bien.tap.vien")));

        assertThat(write.statusCode()).as("the service's own 503, passed on once").isEqualTo(503);
        assertThat(again.headers().firstValue("Seen-Calls")).as("the first call was the only other one").hasValue("2");
    }

    @Test
    void neverRetriesAReadThatTimedOutAndAnswersItWithAGatewayTimeoutInAboutTheTimeout() {
        long started = System.nanoTime();
        HttpResponse<String> response = send(request("GET", "/api/articles/slow-read")
                .header("Stand-In-Delay", "6000"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> next = send(request("GET", "/api/articles/slow-read"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("https://portal.vn/problems/gateway-timeout");
        assertThat(tookMillis).as("the route's 5 s timeout, once").isBetween(4900L, 5900L);
        assertThat(next.headers().firstValue("Seen-Calls")).as("the slow read reached the service once").hasValue("2");
    }

    @Test
    void answersAServiceThatIsTooSlowWithAGatewayTimeoutProblem() {
        long started = System.nanoTime();
        HttpResponse<String> response = send(request("GET", "/v3/api-docs/article-service")
                .header("Stand-In-Delay", "7000"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("https://portal.vn/problems/gateway-timeout");
        assertThat((System.nanoTime() - started) / 1_000_000).as("the route's 5 s timeout").isLessThan(6900);
    }
}
