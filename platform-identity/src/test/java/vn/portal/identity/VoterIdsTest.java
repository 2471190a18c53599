package vn.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoterIdsTest {

    private final VoterIds voters = new VoterIds("a-secret-of-sufficient-length");

    @Test
    void acceptsACookieItSignedAndRefusesATamperedOne() {
        String id = voters.newAnonymousId();
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
}
