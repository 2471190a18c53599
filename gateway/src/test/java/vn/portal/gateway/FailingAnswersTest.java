package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

/**
 * A service that answers 500, 502, 503 or 504 is failing as much as one that cannot be reached:
 * its circuit opens. Where the route has a fallback (ratings, media) the portal gets the
 * fallback's message; elsewhere the service's own answer is passed on. The circuits are closed
 * before and after each test (the context is shared with other test classes).
 */
class FailingAnswersTest extends GatewayTestSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @BeforeEach
    @AfterEach
    void closeTheCircuits() {
        circuitBreakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void opensTheCircuitOfAServiceAnsweringServerErrorsAndPassesItsAnswersOn() {
        int[] statuses = {500, 502, 503, 504};
        for (int i = 0; i < 10; i++) { // the circuit's minimum-number-of-calls
            int status = statuses[i % statuses.length];
            String path = "/api/articles/failing-" + i;
            HttpResponse<String> response = send(request("GET", path).header("Stand-In-Status", Integer.toString(status)));

            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.body()).as("the service's own answer").isEqualTo("article-service GET " + path);
        }

        assertThat(circuit("articles").getMetrics().getNumberOfFailedCalls()).isEqualTo(10);
        assertThat(circuit("articles").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        HttpResponse<String> whileOpen = send(request("GET", "/api/articles/a1"));
        assertThat(whileOpen.statusCode()).isEqualTo(503);
        assertThat(whileOpen.body()).contains("https://portal.vn/problems/service-unavailable");
        assertThat(whileOpen.headers().firstValue("Seen-Calls")).as("not called while open").isEmpty();
    }

    @Test
    void answersARatingServiceServerErrorWithTheRatingUnavailableMessageAndCountsIt() {
        HttpResponse<String> rating = send(request("GET", "/api/articles/a1/rating").header("Stand-In-Status", "500"));
        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings").header("Stand-In-Status", "503"));

        for (HttpResponse<String> unavailable : java.util.List.of(rating, vote)) {
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.body()).contains("https://portal.vn/problems/rating-unavailable")
                    .contains("Chức năng đánh giá tạm thời không khả dụng");
            assertThat(unavailable.headers().firstValue("Seen-Calls")).as("the service's headers are not passed on").isEmpty();
        }
        assertThat(circuit("ratings").getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
    }

    @Test
    void countsAClientErrorAndASuccessAsSuccessfulCalls() {
        HttpResponse<String> notFound = send(request("GET", "/api/articles/unknown").header("Stand-In-Status", "404"));
        HttpResponse<String> found = send(request("GET", "/api/articles/a1"));

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("article-service GET /api/articles/unknown");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(circuit("articles").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(circuit("articles").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
    }

    private CircuitBreaker circuit(String name) {
        return circuitBreakers.getCircuitBreakerRegistry().circuitBreaker(name);
    }
}
