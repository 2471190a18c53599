package vn.portal.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.portal.devstack.EmbeddedPlatform;
import vn.portal.devstack.WithDevIssuer;
import vn.portal.devstack.hostile.Caller;
import vn.portal.devstack.hostile.Figures;
import vn.portal.devstack.hostile.HostileSuite;
import vn.portal.devstack.hostile.Route;
import vn.portal.devstack.hostile.ServletRoutes;
import vn.portal.devstack.hostile.Stored;

/**
 * R5 and R8 straight at article-service, over every endpoint its running handler mapping has: hostile
 * HTTP gets only 4xx problems and stores nothing; every protected route and method refuses every
 * caller but an editor.
 */
@EmbeddedPlatform
@WithDevIssuer
class HostileInputTest extends FlowTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Environment environment;

    @Test
    void answersHostileHttpAtEveryEndpointWithA4xxProblemAndStoresNothing() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        Stored before = stored();

        Figures figures = HostileSuite.hostileHttp("article-service", port, routes.all(),
                List.of(Caller.NO_TOKEN, Caller.EDITOR), route -> route.pattern().startsWith("/api/admin/"));

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(before.grownIn(after)).isEmpty();
        assertThat(figures.inRange(500, 599)).isZero();
    }

    @Test
    void refusesEveryoneButAnEditorAtEveryProtectedRouteAndMethod() {
        ServletRoutes routes = ServletRoutes.of(mappings, environment);
        Stored before = stored();

        Figures figures = HostileSuite.authorizationMatrix("article-service", port, routes.all(), routes::isPublic);

        Stored after = stored();
        figures.print(routes.all().size() + " routes, stored " + before.grownIn(after));
        assertThat(figures.breaches()).isEmpty();
        assertThat(figures.inRange(200, 299)).isZero();
        assertThat(before.grownIn(after)).isEmpty();
        assertThat(routes.all()).extracting(Route::pattern).contains("/api/editorial/drafts", "/api/admin/rebuild");
        for (Route route : routes.all()) {
            if (route.method().equals("GET") && route.pattern().startsWith("/api/editorial/") && !route.pattern().contains("{")) {
                assertThat(call("GET", route.pattern(), editorToken()).statusCode()).as("editor " + route).isBetween(200, 299);
            }
        }
    }

    private java.net.http.HttpResponse<byte[]> call(String method, String path, String token) {
        try {
            return call(method, path, token, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Stored stored() {
        return Stored.snapshot(mongo, environment.getProperty("spring.kafka.bootstrap-servers"));
    }
}
