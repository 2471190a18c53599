package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The documented limits (application.yml, reasoning in docs/security.md): everything 6,000/min per
 * address, ratings 300/min per address and 10/min per voter, 600 new voter ids per address an hour;
 * then 429 with {@code Retry-After}. The gateway trusts the test client as a proxy here, so each
 * test is its own address in {@code X-Forwarded-For}.
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
    void limitsRatingsPerAddress() throws Exception {
        String address = "198.51.100.2";
        Served votes = untilRefused(8, () -> send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", address)));
        System.out.println(String.format("[limits] one address, votes of new voters as fast as 8 connections go: %d served in %.1f s, then 429",
                votes.served(), votes.seconds()));

        // the bucket holds 300 and refills 5 a second while the test runs
        assertThat(votes.served()).isBetween(300L, 300L + (long) Math.ceil(votes.seconds() * 5) + 8);
        assertTooMany(votes.refusal(), 1, 60);
        assertThat(send(request("GET", "/api/articles/a1").header("X-Forwarded-For", address)).statusCode())
                .as("reading is still allowed").isEqualTo(200);
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", "198.51.100.3")).statusCode())
                .as("another address").isEqualTo(200);
    }

    @Test
    void limitsEverythingPerAddress() throws Exception {
        String address = "198.51.100.4";
        Served reads = untilRefused(32, () -> send(request("GET", "/api/articles/a1").header("X-Forwarded-For", address)));
        System.out.println(String.format("[limits] one address, reads as fast as 32 connections go: %d served in %.1f s, then 429",
                reads.served(), reads.seconds()));

        // the bucket holds 6,000 and refills 100 a second while the test runs
        assertThat(reads.served()).isBetween(6_000L, 6_000L + (long) Math.ceil(reads.seconds() * 100) + 32);
        assertTooMany(reads.refusal(), 1, 1);
        assertThat(send(request("GET", "/api/articles/a1").header("X-Forwarded-For", "198.51.100.5")).statusCode())
                .as("another address").isEqualTo(200);
    }

    record Served(long served, double seconds, HttpResponse<String> refusal) {
    }

    /** {@code call} from {@code connections} threads until one is refused: how many were served, in how long. */
    private static Served untilRefused(int connections, Supplier<HttpResponse<String>> call) throws InterruptedException {
        AtomicLong served = new AtomicLong();
        AtomicReference<HttpResponse<String>> refusal = new AtomicReference<>();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            clients.submit(() -> {
                while (refusal.get() == null && served.get() < 50_000) {
                    HttpResponse<String> response = call.get();
                    if (response.statusCode() == 200) {
                        served.incrementAndGet();
                    } else {
                        refusal.compareAndSet(null, response);
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        return new Served(served.get(), (System.nanoTime() - started) / 1e9, refusal.get());
    }

    /** 300 readers behind one NAT, each reading ten articles' worth of calls and voting once: nobody is refused. */
    @Test
    void letsAFewHundredReadersBehindOneAddressBrowseAndVote() throws Exception {
        String address = "203.0.113.10";
        int readers = 300;
        AtomicLong reads = new AtomicLong();
        AtomicLong votes = new AtomicLong();
        List<Integer> refused = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            for (int r = 0; r < readers; r++) {
                clients.submit(() -> {
                    HttpResponse<String> line = send(request("GET", "/api/articles/a1/rating").header("X-Forwarded-For", address));
                    String cookie = HttpCookie.parse(line.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
                    for (int i = 0; i < 10; i++) {
                        int status = send(request("GET", "/api/articles/a1").header("X-Forwarded-For", address)).statusCode();
                        if (status == 200) {
                            reads.incrementAndGet();
                        } else {
                            refused.add(status);
                        }
                    }
                    int status = send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", address)
                            .header("Cookie", "portal_voter=" + cookie)).statusCode();
                    if (status == 200) {
                        votes.incrementAndGet();
                    } else {
                        refused.add(status);
                    }
                    return null;
                });
            }
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        System.out.println(String.format("[limits] %d readers behind one address: %d reads and %d votes served, %d refused",
                readers, reads.get(), votes.get(), refused.size()));

        assertThat(refused).isEmpty();
        assertThat(votes.get()).isEqualTo(readers);
        assertThat(reads.get()).isEqualTo(readers * 10L);
    }

    /** A script that drops its cookie is a new voter only 600 times an hour per address; readers keep reading. */
    @Test
    void boundsTheNewVoterIdsOneAddressIsIssued() {
        String address = "203.0.113.20";
        String reader = HttpCookie.parse(send(request("GET", "/api/articles/a1/rating").header("X-Forwarded-For", address))
                .headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
        int issued = 1;
        HttpResponse<String> withoutCookie;
        do {
            withoutCookie = send(request("GET", "/api/articles/a1/rating").header("X-Forwarded-For", address));
            assertThat(withoutCookie.statusCode()).isEqualTo(200);
        } while (withoutCookie.headers().firstValue("Set-Cookie").isPresent() && ++issued < 1_000);
        System.out.println(String.format("[limits] one address without cookies: %d new voter ids issued in the hour, then none", issued));

        assertThat(issued).isBetween(600, 605);
        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", address));
        assertTooMany(vote, "too-many-new-voters", 1, 7);
        assertThat(vote.body()).contains("Quá nhiều người đánh giá mới");
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("X-Forwarded-For", address)
                .header("Cookie", "portal_voter=" + reader)).statusCode()).as("a reader who has a voter id").isEqualTo(200);
        assertThat(send(request("GET", "/api/articles/a1").header("X-Forwarded-For", address)).statusCode())
                .as("reading").isEqualTo(200);
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
        assertTooMany(response, "too-many-requests", minSeconds, maxSeconds);
    }

    static void assertTooMany(HttpResponse<String> response, String problem, int minSeconds, int maxSeconds) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(minSeconds, maxSeconds));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://portal.vn/problems/" + problem);
        assertThat(response.headers().firstValue("Seen-Body-Length")).as("never reached the service").isEmpty();
    }
}
