package vn.portal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
        ClientAddress addresses = new ClientAddress(List.of());

        assertThat(addresses.of(from("203.0.113.9").header("X-Forwarded-For", "10.1.1.1").build()))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheNearestUntrustedHopBehindTrustedProxies() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.1", "10.0.0.2"));

        assertThat(addresses.of(from("10.0.0.1")
                .header("X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.0.0.2").build()))
                .as("the client may prepend anything; the proxies appended the rest").isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.1").build())).isEqualTo("10.0.0.1");
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.get("/api/articles").remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
