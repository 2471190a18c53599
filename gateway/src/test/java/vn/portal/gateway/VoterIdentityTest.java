package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.portal.identity.VoterIds;

/**
 * Anonymous readers get a signed voter id cookie on first contact and keep it; rating-service
 * learns the verified voter from the gateway only, never from a client's headers.
 */
class VoterIdentityTest extends GatewayTestSupport {

    static final VoterIds VOTER_IDS = new VoterIds("dev-only-voter-secret-change-me");

    @Test
    void issuesASignedVoterCookieOnFirstContact() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1/rating"));

        HttpCookie cookie = voterCookie(response);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSecure()).as("plain HTTP").isFalse();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isGreaterThanOrEqualTo(180L * 24 * 3600);
        assertThat(setCookie(response)).containsIgnoringCase("SameSite=Lax");
        assertThat(VOTER_IDS.fromCookie(cookie.getValue())).isPresent();
    }

    @Test
    void marksTheCookieSecureWhenTheRequestCameOverTls() {
        HttpResponse<String> response = send(request("GET", "/api/articles/a1/rating").header("X-Forwarded-Proto", "https"));

        assertThat(voterCookie(response).getSecure()).isTrue();
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void keepsAValidCookieAndForwardsItsVoterToRatingService() {
        String cookie = voterCookie(send(request("GET", "/api/articles/a1/rating"))).getValue();
        String voterId = VOTER_IDS.fromCookie(cookie).orElseThrow();

        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings")
                .header("Cookie", "portal_voter=" + cookie));

        assertThat(vote.statusCode()).isEqualTo(200);
        assertThat(vote.headers().allValues("Set-Cookie")).as("issued once").isEmpty();
        assertThat(vote.headers().firstValue("Seen-Voter-Id")).hasValue(voterId);
        assertThat(vote.headers().firstValue("Seen-Voter-Signature")).hasValue(VOTER_IDS.sign(voterId));
    }

    @Test
    void givesATamperedCookieANewVoter() {
        String cookie = voterCookie(send(request("GET", "/api/articles/a1/rating"))).getValue();
        String forged = "a-someone-else" + cookie.substring(cookie.lastIndexOf('.'));

        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings")
                .header("Cookie", "portal_voter=" + forged));

        HttpCookie fresh = voterCookie(vote);
        String newVoter = VOTER_IDS.fromCookie(fresh.getValue()).orElseThrow();
        assertThat(newVoter).isNotEqualTo("a-someone-else").isNotEqualTo(VOTER_IDS.fromCookie(cookie).orElseThrow());
        assertThat(vote.headers().firstValue("Seen-Voter-Id")).hasValue(newVoter);
    }

    @Test
    void stripsVoterHeadersAClientSendsAndPutsTheVerifiedVoterInstead() {
        String cookie = voterCookie(send(request("GET", "/api/articles/a1/rating"))).getValue();
        String voterId = VOTER_IDS.fromCookie(cookie).orElseThrow();

        HttpResponse<String> vote = send(request("POST", "/api/articles/a1/ratings")
                .header("Cookie", "portal_voter=" + cookie)
                .header("X-Voter-Id", "a-ballot-stuffer")
                .header("X-Voter-Signature", VOTER_IDS.sign("a-ballot-stuffer")));

        assertThat(vote.headers().allValues("Seen-Voter-Id")).containsExactly(voterId);
        assertThat(vote.headers().allValues("Seen-Voter-Signature")).containsExactly(VOTER_IDS.sign(voterId));
    }

    @Test
    void neverPassesVoterHeadersToServicesThatDoNotCountVotes() {
        HttpResponse<String> read = send(request("GET", "/api/articles/a1")
                .header("X-Voter-Id", "a-ballot-stuffer").header("X-Voter-Signature", "whatever"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Seen-Voter-Id")).isEmpty();
        assertThat(read.headers().firstValue("Seen-Voter-Signature")).isEmpty();
    }

    @Test
    void leavesPubliclyCacheableArticleReadsWithoutACookie() {
        HttpResponse<String> read = send(request("GET", "/api/articles/a1"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void leavesHealthProbesWithoutACookie() {
        HttpResponse<String> health = send(request("GET", "/readyz"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
    }

    private static String setCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }

    private static HttpCookie voterCookie(HttpResponse<String> response) {
        HttpCookie cookie = HttpCookie.parse(setCookie(response)).get(0);
        assertThat(cookie.getName()).isEqualTo("portal_voter");
        return cookie;
    }
}
