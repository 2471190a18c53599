package vn.portal.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what. {@code publicPaths} are "METHOD /pattern" entries anyone may call (a GET entry
 * covers HEAD too); everything else needs the editor role. The token issuer is configuration: a JWK set URI (Keycloak or any
 * OpenID provider) or, for the local run, the development issuer's public key.
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(Jwt jwt, List<String> publicPaths) {

    public PlatformSecurityProperties {
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
    }

    /**
     * @param issuer            the required {@code iss}
     * @param audience          the required {@code aud} entry
     * @param jwkSetUri         where the issuer publishes its keys, or null
     * @param publicKeyLocation a resource location (file:..., classpath:...) of an RSA public key (PEM), used when there is no JWK set URI
     */
    public record Jwt(String issuer, String audience, String jwkSetUri, String publicKeyLocation) {
    }
}
