package vn.portal.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself. {@code version} is the API's version
 * (semantic: a breaking change needs a new major), the one place it is written for the service.
 */
@ConfigurationProperties("platform.api")
public record ApiProperties(String title, String version, String description) {
}
