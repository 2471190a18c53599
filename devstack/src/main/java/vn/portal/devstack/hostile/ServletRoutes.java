package vn.portal.devstack.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A servlet service's endpoints as its running {@link RequestMappingHandlerMapping} maps them (the
 * springdoc and error endpoints left out: they are the framework's), and which of them its
 * {@code platform.security.public-paths} opens to anyone.
 */
public final class ServletRoutes {

    private final List<Route> routes;
    private final List<String> publicPaths;

    private ServletRoutes(List<Route> routes, List<String> publicPaths) {
        this.routes = routes;
        this.publicPaths = publicPaths;
    }

    public static ServletRoutes of(RequestMappingHandlerMapping mappings, Environment environment) {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v3/") || pattern.startsWith("/swagger") || pattern.equals("/error")) {
                    continue;
                }
                for (String method : methods.isEmpty() ? List.of("*") : methods.stream().map(Enum::name).toList()) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method, pattern));
                    }
                }
            }
        }
        List<String> open = Binder.get(environment)
                .bind("platform.security.public-paths", Bindable.listOf(String.class)).orElse(List.of());
        return new ServletRoutes(List.copyOf(routes), open);
    }

    public List<Route> all() {
        return routes;
    }

    /** Whether {@code method path} is open to anyone (a public GET covers HEAD, as the service has it). */
    public boolean isPublic(String method, String path) {
        String asked = method.equals("HEAD") ? "GET" : method;
        for (String entry : publicPaths) {
            String[] methodAndPattern = entry.trim().split("\\s+", 2);
            if (methodAndPattern[0].equals(asked)
                    && PathPatternParser.defaultInstance.parse(methodAndPattern[1]).matches(PathContainer.parsePath(path))) {
                return true;
            }
        }
        return false;
    }
}
