package vn.portal.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token issuer, with the same keys (and environment variables) as the services'
 * {@code platform.security.jwt.*}: a JWK set URI (Keycloak or any OpenID provider) or, for the
 * local run, the development issuer's RSA public key (PEM).
 *
 * @param issuer            the required {@code iss} ({@code JWT_ISSUER})
 * @param audience          the required {@code aud} entry ({@code JWT_AUDIENCE})
 * @param jwkSetUri         where the issuer publishes its keys ({@code JWT_JWK_SET_URI}), or blank
 * @param publicKeyLocation file:/classpath: location of an RSA public key ({@code JWT_PUBLIC_KEY_LOCATION}), or blank
 */
@ConfigurationProperties("platform.security.jwt")
record JwtProperties(String issuer, String audience, String jwkSetUri, String publicKeyLocation) {
}
