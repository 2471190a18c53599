package vn.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import vn.portal.devstack.hostile.Caller;
import vn.portal.devstack.hostile.Figures;
import vn.portal.devstack.hostile.HostileSuite;
import vn.portal.devstack.hostile.Route;

/**
 * R5 and R8 through the gateway, over every route its running route table has (the stand-in
 * services answer what gets through): hostile HTTP never gets a 5xx and what the gateway answers
 * itself is a 4xx problem; no caller but an editor gets an editorial or admin route (any method)
 * or a write through to a service.
 */
class HostileInputTest extends GatewayTestSupport {

    @Autowired
    RouteDefinitionLocator routeDefinitions;

    @Test
    void answersHostileHttpAtEveryRouteWithoutA5xx() {
        List<Route> routes = routes();
        Map<String, List<String>> identities = new LinkedHashMap<>();
        identities.put("NO_TOKEN", List.of());
        identities.put("EDITOR", Caller.EDITOR.header());

        Figures figures = HostileSuite.hostileHttp("gateway", port, routes, identities, (identity, route) -> false,
                answer -> answer.head().toLowerCase(java.util.Locale.ROOT).contains("seen-body-length"));

        figures.print(routes.size() + " routes");
        assertThat(figures.breaches()).isEmpty();
        assertThat(figures.inRange(500, 599)).isZero();
    }

    @Test
    void refusesEveryoneButAnEditorAtEveryEditorialRouteAndEveryWrite() {
        List<Route> routes = routes();

        Figures figures = HostileSuite.authorizationMatrix("gateway", port, routes, HostileInputTest::isPublic);

        figures.print(routes.size() + " routes");
        assertThat(figures.breaches()).isEmpty();
        assertThat(figures.inRange(200, 299)).isZero();
        assertThat(HostileSuite.protectedCalls(routes, HostileInputTest::isPublic))
                .extracting(call -> call[0] + " " + call[1])
                .contains("OPTIONS /api/editorial/x1/x2", "HEAD /api/admin/x1/x2", "POST /api/media/x1/x2");
    }

    /** GET, HEAD and OPTIONS anywhere but the editorial and admin paths, and voting, are open (application.yml). */
    private static boolean isPublic(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        boolean editorial = PathPatternParser.defaultInstance.parse("/api/editorial/**").matches(container)
                || PathPatternParser.defaultInstance.parse("/api/admin/**").matches(container);
        if (editorial) {
            return false;
        }
        return List.of("GET", "HEAD", "OPTIONS").contains(method)
                || method.equals("POST") && PathPatternParser.defaultInstance.parse("/api/articles/*/ratings").matches(container);
    }

    /** Each route's Path patterns with its Method predicate's methods (any method when it has none). */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RouteDefinition definition : routeDefinitions.getRouteDefinitions().collectList().block()) {
            List<String> paths = new ArrayList<>();
            List<String> methods = new ArrayList<>();
            for (PredicateDefinition predicate : definition.getPredicates()) {
                if (predicate.getName().equals("Path")) {
                    paths.addAll(predicate.getArgs().values());
                } else if (predicate.getName().equals("Method")) {
                    methods.addAll(predicate.getArgs().values());
                }
            }
            for (String path : paths) {
                for (String method : methods.isEmpty() ? List.of("*") : methods) {
                    routes.add(new Route(method, path));
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(10);
        return routes;
    }
}
