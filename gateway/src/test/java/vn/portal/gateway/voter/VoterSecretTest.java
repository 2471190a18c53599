package vn.portal.gateway.voter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.portal.identity.VoterIds;

/** The gateway does not start with a voter secret that is written in the repository, unless in development. */
class VoterSecretTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(VoterConfiguration.class);

    @Test
    void refusesToStartWithACommittedDefaultSecretOutsideDevelopment() {
        gateway.withPropertyValues("spring.profiles.active=", "platform.voter.secret=dev-only-voter-secret-change-me")
                .run(context -> assertThat(context).hasFailed());
        gateway.withPropertyValues("spring.profiles.active=", "platform.voter.secret=compose-voter-secret-change-me")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void startsWithItsOwnSecretOrInDevelopment() {
        gateway.withPropertyValues("spring.profiles.active=", "platform.voter.secret=a-secret-of-our-own-0123456789")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(VoterIds.class));
        gateway.withPropertyValues("spring.profiles.active=dev", "platform.voter.secret=dev-only-voter-secret-change-me")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(VoterIds.class));
    }
}
