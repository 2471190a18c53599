package vn.portal.gateway.ratelimit;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from: the connection's peer, unless that peer is a trusted proxy,
 * in which case the nearest address in {@code X-Forwarded-For} that is not one. A client cannot
 * choose its own address by sending {@code X-Forwarded-For} to a gateway that trusts no proxy.
 * <p>
 * Limits are kept per {@link #limitKey key}: an IPv4 address as it is, an IPv6 address by its
 * /64 prefix, since one subscriber usually holds a whole /64 and could otherwise take a fresh
 * bucket with every address in it.
 */
final class ClientAddress {

    private static final int IPV6_PREFIX_BYTES = 8; // /64

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** The key the request's address is limited by: see {@link #limitKey(String)}. */
    String limitKey(ServerHttpRequest request) {
        return limitKey(of(request));
    }

    /**
     * An IPv4 address (also one written as IPv4-mapped IPv6) unchanged, an IPv6 address as its
     * /64 prefix ({@code 2001:db8:1:2::/64}), anything else (not an address literal) unchanged.
     * Parses literals only, never asks DNS.
     */
    static String limitKey(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!NetUtil.isValidIpV6Address(literal)) {
            return address;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        if (isIpv4Mapped(bytes)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
