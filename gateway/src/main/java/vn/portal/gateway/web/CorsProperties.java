package vn.portal.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The portal origins whose pages may call the API from a browser; no other origin may. */
@ConfigurationProperties("gateway.cors")
record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
