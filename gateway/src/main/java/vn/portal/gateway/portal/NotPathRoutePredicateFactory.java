package vn.portal.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code NotPath=/api/**,/actuator/**}: matches every path that none of the patterns matches.
 * Spring Cloud Gateway has a {@code Path} predicate but no negation of it in configuration; the
 * portal's route takes every path that is not the API's, its documents' or the gateway's own.
 */
@Component
class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

    NotPathRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("patterns");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        List<PathPattern> patterns = config.patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        return exchange -> {
            var path = exchange.getRequest().getPath().pathWithinApplication();
            return patterns.stream().noneMatch(pattern -> pattern.matches(path));
        };
    }

    public static class Config {
        private List<String> patterns = new ArrayList<>();

        public List<String> getPatterns() {
            return patterns;
        }

        public void setPatterns(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
