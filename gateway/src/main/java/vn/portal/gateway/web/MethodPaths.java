package vn.portal.gateway.web;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A list of {@code "METHOD /pattern"} entries from configuration ({@code "* /pattern"} or a bare
 * pattern for any method), e.g. {@code "POST /api/articles/*}{@code /ratings"}.
 */
public final class MethodPaths {

    private record Entry(HttpMethod method, PathPattern pattern) {
        boolean matches(ServerHttpRequest request) {
            return (method == null || method.equals(request.getMethod()))
                    && pattern.matches(request.getPath().pathWithinApplication());
        }
    }

    private final List<Entry> entries;

    private MethodPaths(List<Entry> entries) {
        this.entries = entries;
    }

    public static MethodPaths of(List<String> specs) {
        return new MethodPaths(specs.stream().map(MethodPaths::parse).toList());
    }

    public boolean matches(ServerHttpRequest request) {
        return entries.stream().anyMatch(entry -> entry.matches(request));
    }

    /** The method of an entry, or null for any method. */
    public static HttpMethod method(String spec) {
        return parse(spec).method();
    }

    /** The path pattern of an entry. */
    public static String pattern(String spec) {
        return parse(spec).pattern().getPatternString();
    }

    private static Entry parse(String spec) {
        String[] parts = spec.trim().split("\\s+", 2);
        if (parts.length == 1) {
            return new Entry(null, PathPatternParser.defaultInstance.parse(parts[0]));
        }
        HttpMethod method = parts[0].equals("*") ? null : HttpMethod.valueOf(parts[0].toUpperCase());
        return new Entry(method, PathPatternParser.defaultInstance.parse(parts[1]));
    }
}
