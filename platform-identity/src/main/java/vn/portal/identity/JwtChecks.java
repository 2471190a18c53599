package vn.portal.identity;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What the gateway and every service check in an editor token, besides its signature. */
public final class JwtChecks {

    private JwtChecks() {
    }

    /** Expiry and not-before (with Spring's default clock skew), the issuer, and the audience. */
    public static OAuth2TokenValidator<Jwt> issuerAndAudience(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceCheck = token -> token.getAudience() != null
                && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for " + audience, null));
        return new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck));
    }
}
