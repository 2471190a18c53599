package vn.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void readsRolesFromThePlainClaimAndFromKeycloak() {
        assertThat(TokenClaims.roles(Map.of("roles", List.of("editor")))).containsExactly("EDITOR");
        assertThat(TokenClaims.roles(Map.of("realm_access", Map.of("roles", List.of("reader", "editor")))))
                .containsExactly("READER", "EDITOR");
        assertThat(TokenClaims.roles(Map.of("sub", "x"))).isEmpty();
    }

    @Test
    void grantsARoleOnlyToItsExactName() {
        for (String lookalike : List.of("edıtor", "Editor", "EDITOR", "editor ", "ＥＤＩＴＯＲ", "еditor")) {
            assertThat(TokenClaims.roles(Map.of("roles", List.of(lookalike)))).as(lookalike).isEmpty();
            assertThat(TokenClaims.roles(Map.of("realm_access", Map.of("roles", List.of(lookalike))))).as(lookalike).isEmpty();
        }
    }

    @Test
    void readsAnRsaPublicKeyFromPemAndRefusesAnythingElse() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var key = generator.generateKeyPair().getPublic();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThat(TokenClaims.rsaPublicKey(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
        assertThatThrownBy(() -> TokenClaims.rsaPublicKey("not a key".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
