package vn.portal.gateway.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CorsProperties.class, RequestSizeProperties.class})
class WebConfiguration {
}
