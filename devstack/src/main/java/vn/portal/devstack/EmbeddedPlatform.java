package vn.portal.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka broker and the MongoDB-wire server (memory backend), started
 * once per test JVM and shared by every class that asks. The Spring context of the test finds
 * them through {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri}. Editor tokens
 * come from {@link DevIssuer#forTests()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedPlatformExtension.class)
@WithDevIssuer
public @interface EmbeddedPlatform {
}
