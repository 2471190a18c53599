package vn.portal.gateway.voter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The anonymous voter cookie. {@code secret} is the same {@code platform.voter.secret}
 * ({@code PLATFORM_VOTER_SECRET}) rating-service uses to verify the forwarded voter id.
 * {@code minAgeToVote}: an anonymous voter id younger than this may not vote yet (429 with
 * {@code Retry-After}); zero, the default, lets a reader vote at once. A script that drops its
 * cookie then never votes at all; a reader has read the page first anyway.
 */
@ConfigurationProperties("platform.voter")
record VoterProperties(String secret, String cookieName, Duration cookieMaxAge, Duration minAgeToVote) {

    VoterProperties {
        cookieName = cookieName == null ? "portal_voter" : cookieName;
        cookieMaxAge = cookieMaxAge == null ? Duration.ofDays(365) : cookieMaxAge;
        minAgeToVote = minAgeToVote == null ? Duration.ZERO : minAgeToVote;
    }
}
