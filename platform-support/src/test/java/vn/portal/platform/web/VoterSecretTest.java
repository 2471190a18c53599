package vn.portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import vn.portal.identity.VoterIds;

/** A service does not start with a voter secret that is written in the repository, unless in development. */
class VoterSecretTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withUserConfiguration(WebConfiguration.class);

    @Test
    void refusesToStartWithACommittedDefaultSecretOutsideDevelopment() {
        for (String committed : new String[] {"dev-only-voter-secret-change-me", "compose-voter-secret-change-me"}) {
            service.withPropertyValues("spring.profiles.active=", "platform.voter.secret=" + committed)
                    .run(context -> assertThat(context).hasFailed());
        }
    }

    @Test
    void startsWithItsOwnSecretOrInDevelopment() {
        service.withPropertyValues("spring.profiles.active=", "platform.voter.secret=a-secret-of-our-own-0123456789")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(VoterIds.class));
        service.withPropertyValues("spring.profiles.active=dev", "platform.voter.secret=dev-only-voter-secret-change-me")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(VoterIds.class));
    }
}
