package vn.portal.gateway.ratelimit;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    Buckets rateLimitBuckets(RateLimitProperties properties) {
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            LoggerFactory.getLogger(RateLimitConfiguration.class)
                    .info("Rate limits are kept in Redis at {}", properties.redisUri());
            return new RedisBuckets(properties.redisUri());
        }
        return new MemoryBuckets();
    }

    @Bean
    ClientAddress clientAddress(RateLimitProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }
}
