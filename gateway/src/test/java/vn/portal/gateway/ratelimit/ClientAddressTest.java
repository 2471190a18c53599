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

    @Test
    void limitsAnIpv6ClientByItsSlash64SoRotatingAddressesInsideItGainsNothing() {
        ClientAddress addresses = new ClientAddress(List.of());

        assertThat(addresses.limitKey(from("2001:db8:1:2:aaaa:bbbb:cccc:1").build()))
                .isEqualTo(addresses.limitKey(from("2001:db8:1:2::ffff").build()))
                .isEqualTo(addresses.limitKey(from("2001:db8:1:2:1234:5678:9abc:def0").build()))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.limitKey(from("2001:db8:1:3::1").build())).as("the next /64").isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void limitsAnIpv6ClientBehindTrustedProxiesByItsSlash64Too() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.1"));

        assertThat(addresses.limitKey(from("10.0.0.1").header("X-Forwarded-For", "2001:DB8:0:7:1::9").build()))
                .isEqualTo(addresses.limitKey(from("10.0.0.1").header("X-Forwarded-For", "2001:db8::7:abcd:0:0:1").build()))
                .isEqualTo("2001:db8:0:7::/64");
        assertThat(addresses.limitKey(from("10.0.0.1").header("X-Forwarded-For", "[2001:db8:0:7::5]").build()))
                .isEqualTo("2001:db8:0:7::/64");
    }

    @Test
    void limitsAnIpv4ClientByItsWholeAddress() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.1"));

        assertThat(addresses.limitKey(from("203.0.113.9").build())).isEqualTo("203.0.113.9");
        assertThat(addresses.limitKey(from("203.0.113.10").build())).isEqualTo("203.0.113.10");
        assertThat(addresses.limitKey(from("10.0.0.1").header("X-Forwarded-For", "::ffff:198.51.100.4").build()))
                .as("IPv4-mapped").isEqualTo("198.51.100.4");
        assertThat(addresses.limitKey(from("10.0.0.1").header("X-Forwarded-For", "not-an-address").build()))
                .isEqualTo("not-an-address");
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.get("/api/articles").remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
