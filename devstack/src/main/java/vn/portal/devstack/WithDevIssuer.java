package vn.portal.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the services' token checks at {@link DevIssuer#forTests()}, so a test can mint editor,
 * reader, expired and foreign tokens. Implied by {@link EmbeddedPlatform}; put it on a test that
 * uses other infrastructure (Testcontainers) too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WithDevIssuer.Extension.class)
public @interface WithDevIssuer {

    class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty("platform.security.jwt.public-key-location", DevIssuer.forTests().publicKeyLocation());
            System.setProperty("platform.security.jwt.issuer", DevIssuer.ISSUER);
            System.setProperty("platform.security.jwt.audience", DevIssuer.AUDIENCE);
        }
    }
}
