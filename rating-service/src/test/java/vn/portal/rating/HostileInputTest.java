package vn.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.hostile.Caller;
import vn.portal.devstack.hostile.Figures;
import vn.portal.devstack.hostile.HostileSuite;
import vn.portal.devstack.hostile.Route;
import vn.portal.devstack.hostile.ServletRoutes;
import vn.portal.devstack.hostile.Stored;
import vn.portal.identity.PlatformHeaders;

/**
 * R5 and R8 straight at rating-service, over every endpoint its running handler mapping has. The
 * hostile requests go out as nobody, as an editor and as a signed voter (the vote's body is judged
 * before the article is looked up, so the voter's hostile bodies reach the parser).
 */
@EmbeddedPlatform
class HostileInputTest extends RatingServiceTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Environment environment;

    @Test
    void answersHostileHttpAtEveryEndpointWithA4xxProblemAndStoresNothing() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        String voter = voterIds.newAnonymousId();
        Map<String, List<String>> identities = new LinkedHashMap<>();
        identities.put("NO_TOKEN", List.of());
        identities.put("EDITOR", Caller.EDITOR.header());
        identities.put("VOTER", List.of(PlatformHeaders.VOTER_ID + ": " + voter,
                PlatformHeaders.VOTER_SIGNATURE + ": " + voterIds.sign(voter)));
        Stored before = settled();

        Figures figures = HostileSuite.hostileHttp("rating-service", port, routes.all(), identities,
                (identity, route) -> identity.equals("EDITOR") && route.pattern().startsWith("/api/admin/"));

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(before.grownIn(after)).isEmpty();
    }

    @Test
    void refusesEveryoneButAnEditorAtEveryProtectedRouteAndMethod() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        Stored before = settled();

        Figures figures = HostileSuite.authorizationMatrix("rating-service", port, routes.all(), routes::isPublic);

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(figures.inRange(200, 299)).isZero();
        assertThat(before.grownIn(after)).isEmpty();
        assertThat(routes.all()).extracting(Route::pattern).anyMatch(pattern -> pattern.startsWith("/api/admin/ratings"));
    }

    /** Once the tally and the projections have caught up with what earlier classes produced. */
    private Stored settled() {
        return Stored.settled(mongo, environment.getProperty("spring.kafka.bootstrap-servers"),
                Duration.ofSeconds(2), Duration.ofMinutes(2));
    }

    private Stored stored() {
        return Stored.snapshot(mongo, environment.getProperty("spring.kafka.bootstrap-servers"));
    }
}
