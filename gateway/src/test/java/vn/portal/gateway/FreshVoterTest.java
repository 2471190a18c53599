package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.portal.identity.VoterIds;

/**
 * With {@code platform.voter.min-age-to-vote} set, an anonymous voter id votes only once it is that
 * old: a script that drops its cookie never votes; a reader who has read the page first does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.voter.min-age-to-vote=1h",
        "gateway.rate-limit.per-address.requests=100000",
        "gateway.rate-limit.ratings-per-address.requests=100000",
        "gateway.rate-limit.ratings-per-voter.requests=100000",
        "gateway.rate-limit.new-voters-per-address.requests=100000"})
class FreshVoterTest extends GatewayTestSupport {

    @Autowired
    VoterIds voterIds;

    @Test
    void makesAFreshVoterIdWaitAndLetsAnOldEnoughOneVote() {
        HttpResponse<String> fresh = send(request("POST", "/api/articles/a1/ratings"));

        RateLimitTest.assertTooMany(fresh, "voter-too-new", 3_590, 3_601);
        assertThat(fresh.headers().firstValue("Set-Cookie")).as("the reader keeps the new id for later").isPresent();
        String issuedNow = HttpCookie.parse(fresh.headers().firstValue("Set-Cookie").orElseThrow()).get(0).getValue();
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("Cookie", "portal_voter=" + issuedNow))
                .statusCode()).as("still too fresh").isEqualTo(429);

        String old = voterIds.cookieValue(voterIds.newAnonymousId(Instant.now().minus(Duration.ofHours(2))));
        assertThat(send(request("POST", "/api/articles/a1/ratings").header("Cookie", "portal_voter=" + old))
                .statusCode()).isEqualTo(200);
        assertThat(send(request("GET", "/api/articles/a1/rating")).statusCode()).as("reading the line").isEqualTo(200);
    }
}
