package vn.portal.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    Buckets rateLimitBuckets(RateLimitProperties properties) {
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            return new RedisBuckets(properties.redisUri());
        }
        return new MemoryBuckets();
    }

    @Bean
    ClientAddress clientAddress(RateLimitProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }
}
