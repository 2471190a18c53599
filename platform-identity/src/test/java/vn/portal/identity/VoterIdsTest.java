package vn.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoterIdsTest {

    private final VoterIds voters = new VoterIds("a-secret-of-sufficient-length");

    @Test
    void acceptsACookieItSignedAndRefusesATamperedOne() {
        String id = voters.newAnonymousId(Instant.now());
        String cookie = voters.cookieValue(id);

        assertThat(voters.fromCookie(cookie)).hasValue(id);
        assertThat(voters.fromCookie("a-someone-else." + cookie.substring(cookie.lastIndexOf('.') + 1))).isEmpty();
        assertThat(voters.fromCookie(id)).isEmpty();
        assertThat(new VoterIds("another-secret-of-good-length").fromCookie(cookie)).isEmpty();
    }

    @Test
    void givesAnAccountAStablePseudonymThatDoesNotContainItsName() {
        assertThat(voters.forAccount("nguyen.van.a")).isEqualTo(voters.forAccount("nguyen.van.a"))
                .isNotEqualTo(voters.forAccount("tran.thi.b"))
                .doesNotContain("nguyen");
    }

    @Test
    void verifiesOnlyTheSignatureOfTheSameId() {
        assertThat(voters.verify("a-1", voters.sign("a-1"))).isTrue();
        assertThat(voters.verify("a-2", voters.sign("a-1"))).isFalse();
        assertThat(voters.verify("a-1", null)).isFalse();
    }

    @Test
    void carriesTheIssueTimeInsideTheSignedId() {
        Instant issued = Instant.parse("2026-12-01T08:00:00Z");
        String id = voters.newAnonymousId(issued);
        String cookie = voters.cookieValue(id);

        assertThat(VoterIds.issuedAt(voters.fromCookie(cookie).orElseThrow())).hasValue(issued);
        String older = id.replace(Long.toString(issued.getEpochSecond()), Long.toString(issued.getEpochSecond() - 86_400));
        assertThat(voters.fromCookie(older + cookie.substring(cookie.lastIndexOf('.')))).as("backdated").isEmpty();
        assertThat(VoterIds.issuedAt(voters.forAccount("nguyen.van.a"))).isEmpty();
        assertThat(VoterIds.issuedAt("a-Zm9vYmFyYmF6cXV4cXV1eA")).as("an id from before ids had a time").isEmpty();
    }
}
