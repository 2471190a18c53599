package vn.portal.gateway.voter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The anonymous voter cookie. {@code secret} is the same {@code platform.voter.secret}
 * ({@code PLATFORM_VOTER_SECRET}) rating-service uses to verify the forwarded voter id.
 */
@ConfigurationProperties("platform.voter")
record VoterProperties(String secret, String cookieName, Duration cookieMaxAge) {

    VoterProperties {
        cookieName = cookieName == null ? "portal_voter" : cookieName;
        cookieMaxAge = cookieMaxAge == null ? Duration.ofDays(365) : cookieMaxAge;
    }
}
