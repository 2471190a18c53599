package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The documented limits (application.yml): ratings 10/min per voter and 30/min per address,
 * everything 300/min per address; then 429 with {@code Retry-After}. The gateway trusts the test
 * client as a proxy here, so each test is its own address in {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.rate-limit.trusted-proxies=127.0.0.1")
class RateLimitTest extends GatewayTestSupport {

    @Test
    void limitsRatingsPerVoter() {
        String address = "198.51.100.1";
        String cookie = HttpCookie.parse(send(request("GET", "/api/articles/a1/rating").header("X-Forwarded-For", address))
                .headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
        Supplier<HttpResponse<String>> vote = () -> send(request("POST", "/api/articles/a1/ratings")
                .header("X-Forwarded-For", address).header("Cookie", "portal_voter=" + cookie));

        for (int i = 0; i < 10; i++) {
            assertThat(vote.get().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = firstRefusal(vote, 5);

        assertTooMany(refused, 1, 60);
        assertThat(refused.body()).contains("Bạn đánh giá quá nhanh");
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", address)).statusCode())
                .as("another voter at the same address").isEqualTo(200);
    }

    @Test
    void limitsRatingsPerAddress() {
        String address = "198.51.100.2";
        Supplier<HttpResponse<String>> newVoterVotes = () -> send(request("POST", "/api/articles/a1/ratings")
                .header("X-Forwarded-For", address));

        for (int i = 0; i < 30; i++) {
            assertThat(newVoterVotes.get().statusCode()).isEqualTo(200);
        }

        assertTooMany(firstRefusal(newVoterVotes, 5), 1, 60);
        assertThat(send(request("GET", "/api/articles/a1").header("X-Forwarded-For", address)).statusCode())
                .as("reading is still allowed").isEqualTo(200);
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", "198.51.100.3")).statusCode())
                .as("another address").isEqualTo(200);
    }

    @Test
    void limitsEverythingPerAddress() {
        String address = "198.51.100.4";
        // all at once, so that the smooth refill (5 a second) hardly matters
        List<CompletableFuture<HttpResponse<String>>> reads = IntStream.range(0, 400)
                .mapToObj(i -> HTTP.sendAsync(request("GET", "/api/articles/a1").header("X-Forwarded-For", address).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = reads.stream().map(CompletableFuture::join).toList();

        long served = responses.stream().filter(response -> response.statusCode() == 200).count();
        assertThat(served).isBetween(300L, 399L);
        responses.stream().filter(response -> response.statusCode() != 200)
                .forEach(response -> assertTooMany(response, 1, 1));
        assertThat(send(request("GET", "/api/articles/a1").header("X-Forwarded-For", "198.51.100.5")).statusCode())
                .as("another address").isEqualTo(200);
    }

    /** The limit refills smoothly while the test runs, so allow a few more before the refusal. */
    private static HttpResponse<String> firstRefusal(Supplier<HttpResponse<String>> call, int slack) {
        for (int i = 0; i <= slack; i++) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() != 200) {
                return response;
            }
        }
        throw new AssertionError("no 429 within " + slack + " calls over the limit");
    }

    private static void assertTooMany(HttpResponse<String> response, int minSeconds, int maxSeconds) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(minSeconds, maxSeconds));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://portal.vn/problems/too-many-requests");
        assertThat(response.headers().firstValue("Seen-Body-Length")).as("never reached the service").isEmpty();
    }
}
