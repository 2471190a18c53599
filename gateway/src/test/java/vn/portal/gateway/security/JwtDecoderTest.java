package vn.portal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import reactor.test.StepVerifier;
import vn.portal.devstack.DevIssuer;

class JwtDecoderTest {

    @Test
    void refusesEveryTokenWhenNoIssuerIsConfigured() {
        var decoder = new EditorSecurityConfiguration().jwtDecoder(
                new JwtProperties(DevIssuer.ISSUER, DevIssuer.AUDIENCE, "", ""));

        // a BadJwtException is a 401 (invalid token), not a 500
        StepVerifier.create(decoder.decode(DevIssuer.forTests().editorToken("bien.tap.vien")))
                .expectError(BadJwtException.class).verify();
    }

    @Test
    void acceptsAnEditorTokenOfTheConfiguredIssuerAndReadsItsRoles() {
        var decoder = new EditorSecurityConfiguration().jwtDecoder(new JwtProperties(DevIssuer.ISSUER, DevIssuer.AUDIENCE,
                "", DevIssuer.forTests().publicKeyLocation()));

        StepVerifier.create(decoder.decode(DevIssuer.forTests().editorToken("bien.tap.vien")))
                .assertNext(jwt -> assertThat(EditorSecurityConfiguration.roles(jwt))
                        .extracting(Object::toString).containsExactly("ROLE_EDITOR"))
                .verifyComplete();
    }
}
