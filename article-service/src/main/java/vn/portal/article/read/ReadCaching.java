package vn.portal.article.read;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the read API: a hash of the answer's bytes, so it changes with anything the answer
 * shows (a new revision, new rating totals) and with nothing else; a matching
 * {@code If-None-Match} gets 304 without a body. Hashing costs the rendering, which the
 * {@code Cache-Control} max-age spares for repeat readers.
 */
@Configuration(proxyBeanMethods = false)
class ReadCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> articleEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/articles", "/api/articles/*");
        return registration;
    }
}
