package vn.portal.gateway.voter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.portal.identity.VoterIds;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoterProperties.class)
class VoterConfiguration {

    @Bean
    VoterIds voterIds(VoterProperties properties) {
        return new VoterIds(properties.secret());
    }
}
