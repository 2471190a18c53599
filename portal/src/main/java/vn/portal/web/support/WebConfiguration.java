package vn.portal.web.support;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** ETags for pages and feeds, so that a reader or a CDN revalidating gets a 304. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> etags = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        etags.addUrlPatterns("/*");
        return etags;
    }
}
