package vn.portal.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.portal.devstack.WithDevIssuer;

/**
 * The gateway in front of the shared stand-in services, checking tokens of the development
 * issuer for tests. Rate limits are high here so that test classes do not throttle each other;
 * {@code RateLimitTest} checks the real numbers in a gateway of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.per-address.requests=100000",
        "gateway.rate-limit.ratings-per-address.requests=100000",
        "gateway.rate-limit.ratings-per-voter.requests=100000",
        "gateway.rate-limit.new-voters-per-address.requests=100000"})
@WithDevIssuer
abstract class GatewayTestSupport extends GatewayClient {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandInServices.shared().register(registry);
    }
}

