package vn.portal.web.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayUrl    where the portal reads the public API (the gateway; never a service)
 * @param publicBaseUrl where readers reach the portal, for canonical links, feeds and share links
 * @param siteName      the portal's name, as the header and the feeds print it
 * @param pageMaxAge    how long a shared cache (a CDN) may keep a page
 * @param apiCacheTtl   how long the portal itself keeps an answer of the API
 * @param mediaCacheTtl how long it keeps an image's sizes and forms (they never change)
 * @param apiTimeout    how long one call to the gateway may take
 */
@ConfigurationProperties("portal")
public record PortalProperties(@DefaultValue("http://127.0.0.1:8080") String gatewayUrl,
                               @DefaultValue("http://localhost:8080") String publicBaseUrl,
                               @DefaultValue("Cổng thông tin điện tử tỉnh Kon Tum") String siteName,
                               @DefaultValue("10s") Duration pageMaxAge,
                               @DefaultValue("2s") Duration apiCacheTtl,
                               @DefaultValue("10m") Duration mediaCacheTtl,
                               @DefaultValue("3s") Duration apiTimeout) {

    /** An absolute URL for a path of the portal or of the gateway ({@code /api/media/...}). */
    public String absolute(String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
    }
}
