package vn.portal.gateway.voter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.portal.identity.VoterIds;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoterProperties.class)
class VoterConfiguration {

    @Bean
    VoterIds voterIds(VoterProperties properties, Environment environment) {
        VoterIds.refuseCommittedDefault(properties.secret(), environment.matchesProfiles(VoterIds.DEVELOPMENT_PROFILE));
        return new VoterIds(properties.secret());
    }
}
