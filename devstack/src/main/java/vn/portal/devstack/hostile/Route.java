package vn.portal.devstack.hostile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint as the running application maps it (a {@code RequestMappingHandlerMapping} entry or
 * a gateway route's {@code Path} predicate): a method and a path pattern. Tests enumerate these
 * from the app, never from a hand list, so a new endpoint is covered as soon as it exists.
 *
 * @param method an HTTP method, or {@code *} for a mapping that takes any
 */
public record Route(String method, String pattern) {

    /** Every method a client can name; a mapping with none listed takes any of them. */
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}|\\*\\*|\\*");

    /** The pattern with every variable filled with a harmless value ({@code x1}, {@code x1/x2} for {@code **}). */
    public String path() {
        return fill(null);
    }

    /** The pattern with its first variable replaced by {@code segment} (raw), or {@code segment} appended. */
    public String pathWith(String segment) {
        if (!VARIABLE.matcher(pattern).find()) {
            return (pattern.endsWith("/") ? pattern : pattern + "/") + segment;
        }
        return fill(segment);
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    public boolean takesABody() {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("*");
    }

    private String fill(String first) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (matcher.find()) {
            String value;
            if (first != null && !replaced) {
                value = first;
                replaced = true;
            } else {
                value = matcher.group().equals("**") ? "x1/x2" : "x1";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
