package vn.portal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What the gateway and every service check in an editor token, besides its signature. */
public final class JwtChecks {

    /** No token is good for longer than this after it was issued, whatever its {@code exp} says. */
    public static final Duration MAX_TOKEN_AGE = Duration.ofHours(24);
    /** Spring's default clock skew: how far apart the issuer's clock and ours may be. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private JwtChecks() {
    }

    /**
     * Expiry and not-before (with Spring's default clock skew), the issuer, the audience, and a
     * bounded life: {@code exp} and {@code iat} are required, {@code iat} is not in the future, and
     * the token is refused once {@link #MAX_TOKEN_AGE} has passed since it was issued.
     */
    public static OAuth2TokenValidator<Jwt> issuerAndAudience(String issuer, String audience) {
        return issuerAndAudience(issuer, audience, MAX_TOKEN_AGE, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> issuerAndAudience(String issuer, String audience, Duration maxAge, Clock clock) {
        OAuth2TokenValidator<Jwt> audienceCheck = token -> token.getAudience() != null
                && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : invalid("The token is not meant for " + audience);
        return new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck,
                boundedLife(maxAge, clock)));
    }

    private static OAuth2TokenValidator<Jwt> boundedLife(Duration maxAge, Clock clock) {
        return token -> {
            Instant expiresAt = token.getExpiresAt();
            Instant issuedAt = token.getIssuedAt();
            Instant now = clock.instant();
            if (expiresAt == null) {
                return invalid("The token has no expiry (exp)");
            }
            if (issuedAt == null) {
                return invalid("The token has no issue time (iat)");
            }
            if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
                return invalid("The token is issued in the future");
            }
            if (Duration.between(issuedAt, expiresAt).compareTo(maxAge.plus(CLOCK_SKEW)) > 0) {
                return invalid("The token is valid for longer than " + maxAge);
            }
            if (now.isAfter(issuedAt.plus(maxAge).plus(CLOCK_SKEW))) {
                return invalid("The token is older than " + maxAge);
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
