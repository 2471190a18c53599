package vn.portal.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the gateway and the services read editor tokens, written once: the roles a token grants and
 * the development issuer's public key.
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    /**
     * The platform's roles, as the token names them (the realm's role names) and as Spring Security
     * checks them. Compared exactly: no case folding, so neither {@code Editor} nor a look-alike
     * such as {@code edıtor} (dotless i, which upper-cases to {@code EDITOR}) grants anything.
     */
    private static final Map<String, String> PLATFORM_ROLES = Map.of("editor", "EDITOR", "reader", "READER",
            "operator", "OPERATOR");

    /**
     * The platform roles granted by the {@code roles} claim and Keycloak's {@code realm_access.roles}
     * ({@code EDITOR}, {@code READER}); unknown names are ignored.
     */
    public static List<String> roles(Map<String, Object> claims) {
        List<String> roles = new ArrayList<>();
        if (claims.get("roles") instanceof Collection<?> plain) {
            plain.forEach(role -> roles.add(String.valueOf(role)));
        }
        if (claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> keycloak) {
            keycloak.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles.stream().map(PLATFORM_ROLES::get).filter(Objects::nonNull).distinct().toList();
    }

    /** An RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static RSAPublicKey rsaPublicKey(byte[] pem) {
        String base64 = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM", e);
        }
    }
}
