package vn.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtChecksTest {

    private static final String ISSUER = "urn:vn-portal:dev-issuer";
    private static final String AUDIENCE = "vn-portal";
    private final OAuth2TokenValidator<Jwt> checks = JwtChecks.issuerAndAudience(ISSUER, AUDIENCE);

    @Test
    void acceptsAFreshTokenOfTheIssuerForTheAudience() {
        Instant now = Instant.now();
        assertThat(checks.validate(token(jwt -> jwt.issuedAt(now.minusSeconds(60)).expiresAt(now.plus(Duration.ofHours(12)))))
                .hasErrors()).isFalse();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertThat(checks.validate(token(jwt -> jwt.issuedAt(Instant.now().minusSeconds(60)))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutAnIssueTime() {
        assertThat(checks.validate(token(jwt -> jwt.expiresAt(Instant.now().plusSeconds(600)))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenValidForLongerThanTheMaximumAge() {
        Instant now = Instant.now();
        assertThat(checks.validate(token(jwt -> jwt.issuedAt(now.minusSeconds(60))
                .expiresAt(now.plus(Duration.ofDays(3650))))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenIssuedLongAgoEvenIfItStillRuns() {
        Instant now = Instant.now();
        assertThat(checks.validate(token(jwt -> jwt.issuedAt(now.minus(Duration.ofDays(2)))
                .expiresAt(now.plus(Duration.ofHours(1))))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        Instant now = Instant.now();
        assertThat(checks.validate(token(jwt -> jwt.issuedAt(now.plus(Duration.ofHours(1)))
                .expiresAt(now.plus(Duration.ofHours(2))))).hasErrors()).isTrue();
    }

    private static Jwt token(Consumer<Jwt.Builder> times) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).audience(List.of(AUDIENCE))
                .subject("bien-tap-vien").claim("roles", List.of("editor"));
        times.accept(builder);
        return builder.build();
    }
}
