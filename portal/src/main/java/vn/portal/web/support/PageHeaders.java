package vn.portal.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of the portal: a Content-Security-Policy under which only the portal's own scripts
 * run (there is no inline script, so none needs a nonce; a JSON-LD data block is not a script), so
 * that even a body that slipped past both sanitizers runs nothing; and a {@code Cache-Control} that
 * lets a CDN keep a page for {@code portal.page-max-age} (ETags come from Spring's
 * {@code ShallowEtagHeaderFilter}, so a revalidation is a 304).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PageHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final String pageCache;

    PageHeaders(PortalProperties properties) {
        long seconds = properties.pageMaxAge().toSeconds();
        this.pageCache = "public, max-age=" + seconds + ", stale-while-revalidate=" + (3 * seconds);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (!request.getRequestURI().startsWith("/css/") && !request.getRequestURI().startsWith("/js/")
                && !request.getRequestURI().startsWith("/actuator/")
                && !request.getRequestURI().equals("/livez") && !request.getRequestURI().equals("/readyz")) {
            response.setHeader("Cache-Control", pageCache);
        }
        chain.doFilter(request, response);
    }
}
