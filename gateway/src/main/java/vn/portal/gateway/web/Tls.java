package vn.portal.gateway.web;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** Whether a request came over TLS, to the gateway itself or to a proxy in front of it. */
public final class Tls {

    private Tls() {
    }

    public static boolean isSecure(ServerHttpRequest request) {
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        String forwarded = request.getHeaders().getFirst("X-Forwarded-Proto");
        return forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].trim());
    }
}
