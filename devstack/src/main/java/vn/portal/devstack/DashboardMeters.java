package vn.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meters the Grafana dashboard ({@code ops/grafana/dashboards/platform.json}) queries. Each
 * service's DashboardMetersTest runs a flow and then checks that its own Prometheus scrape has
 * every meter of the dashboard it is responsible for ({@link #OWNERS}: the service's domain meters,
 * and the HTTP and JVM meters every application has), so that a renamed or removed meter fails the
 * build instead of leaving an empty panel.
 */
public final class DashboardMeters {

    public static final Path DASHBOARD = Path.of("ops", "grafana", "dashboards", "platform.json");

    /** Which service's scrape must show the dashboard's meters of each prefix. */
    public static final Map<String, List<String>> OWNERS = Map.of(
            "article-service", List.of("articles_", "events_", "http_", "jvm_"),
            "rating-service", List.of("ratings_", "http_", "jvm_"),
            "media-service", List.of("media_", "http_", "jvm_"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private DashboardMeters() {
    }

    /** The dashboard, parsed (a syntax error fails here). */
    public static JsonNode dashboard() {
        try {
            return JSON.readTree(Files.readString(repositoryFile(DASHBOARD)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL expression of every panel. */
    public static List<String> expressions(JsonNode dashboard) {
        return dashboard.path("panels").valueStream()
                .flatMap(panel -> panel.path("targets").valueStream())
                .map(target -> target.path("expr").asString())
                .toList();
    }

    /** The metric names a PromQL expression reads: not functions, keywords, labels, strings or durations. */
    public static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ")                  // label matchers
                .replaceAll("\\[[^]]*]", " ")                  // range durations
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String word = matcher.group();
            int after = matcher.end();
            while (after < bare.length() && bare.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < bare.length() && bare.charAt(after) == '(';
            boolean number = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every metric name the dashboard reads. */
    public static Set<String> metricNames(JsonNode dashboard) {
        return expressions(dashboard).stream().flatMap(e -> metricNames(e).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The dashboard's metric names this service's scrape must show. */
    public static Set<String> ownedBy(String service) {
        List<String> prefixes = OWNERS.get(service);
        return metricNames(dashboard()).stream().filter(name -> prefixes.stream().anyMatch(name::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The metric names in a Prometheus text scrape (the sample lines, without their labels). */
    public static Set<String> scraped(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path repositoryFile(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
