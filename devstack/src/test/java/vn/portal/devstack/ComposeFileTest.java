package vn.portal.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, read as YAML: only the gateway is reachable from other machines; everything
 * else (Kafka, MongoDB, Keycloak, the services, Prometheus, Grafana) is published on 127.0.0.1 or
 * not at all; no admin password is written in it; the realm it imports has no users (the
 * development users come only with docker-compose.dev.yml).
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final String GATEWAY = "gateway";

    @Test
    void publishesNothingButTheGatewayBeyondTheLoopbackAddress() throws IOException {
        List<String> exposed = new ArrayList<>();
        for (Path file : List.of(ROOT.resolve("docker-compose.yml"), ROOT.resolve("docker-compose.dev.yml"))) {
            services(file).forEach((name, service) -> {
                for (Object port : ports(service)) {
                    if (!name.equals(GATEWAY) && !onLoopback(port)) {
                        exposed.add(file.getFileName() + ": " + name + " " + port);
                    }
                }
            });
        }

        assertThat(exposed).as("ports published on every interface").isEmpty();
        assertThat(ports(services(ROOT.resolve("docker-compose.yml")).get(GATEWAY))).isNotEmpty();
    }

    @Test
    void neverPublishesAnActuatorPortAndChecksHealthOnIt() throws IOException {
        Map<String, Map<String, Object>> services = services(ROOT.resolve("docker-compose.yml"));
        for (Map.Entry<String, Integer> app : MANAGEMENT_PORTS.entrySet()) {
            Map<String, Object> service = services.get(app.getKey());
            for (Object port : ports(service)) {
                assertThat(String.valueOf(port)).as(app.getKey() + " publishes its management port")
                        .doesNotContain(String.valueOf(app.getValue()));
            }
            assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test")))
                    .as(app.getKey() + " healthcheck").contains("localhost:" + app.getValue() + "/actuator/health");
        }
        assertThat(Files.readString(ROOT.resolve("ops/prometheus.yml")))
                .contains("gateway:9080", "article-service:9081", "rating-service:9082", "media-service:9083", "portal:9084")
                .doesNotContain(":8080'", ":8081'", ":8082'", ":8083'", ":8084'");
    }

    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway", 9080, "article-service", 9081,
            "rating-service", 9082, "media-service", 9083, "portal", 9084);

    @Test
    void runsKeycloakInProductionModeAndStartDevOnlyForDevelopment() throws IOException {
        Map<String, Object> keycloak = services(ROOT.resolve("docker-compose.yml")).get("keycloak");
        List<String> command = ((List<?>) keycloak.get("command")).stream().map(String::valueOf).toList();
        assertThat(command).first().isEqualTo("start");
        assertThat(command).doesNotContain("start-dev");
        Map<?, ?> environment = environment(keycloak);
        assertThat(String.valueOf(environment.get("KC_HTTP_ENABLED"))).isEqualTo("true");
        assertThat(String.valueOf(environment.get("KC_HOSTNAME"))).startsWith("http");
        assertThat(String.valueOf(environment.get("KC_HOSTNAME_STRICT"))).isEqualTo("true");
        assertThat(ports(keycloak)).allSatisfy(port -> assertThat(onLoopback(port)).as(String.valueOf(port)).isTrue());
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContain("start-dev\"");

        List<?> dev = (List<?>) services(ROOT.resolve("docker-compose.dev.yml")).get("keycloak").get("command");
        assertThat(dev).first().isEqualTo("start-dev");
    }

    @Test
    void takesEveryAdminPasswordFromTheEnvironment() throws IOException {
        Map<String, Map<String, Object>> services = services(ROOT.resolve("docker-compose.yml"));
        for (String[] secret : List.of(new String[] {"keycloak", "KC_BOOTSTRAP_ADMIN_PASSWORD"},
                new String[] {"grafana", "GF_SECURITY_ADMIN_PASSWORD"})) {
            Object value = environment(services.get(secret[0])).get(secret[1]);
            assertThat(String.valueOf(value)).as(secret[0] + " " + secret[1])
                    .startsWith("${").contains(":?").doesNotContain(":-");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void takesTheVoterSecretFromTheEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Object secret = ((Map<String, Object>) compose.get("x-app-env")).get("PLATFORM_VOTER_SECRET");
        assertThat(String.valueOf(secret)).startsWith("${").contains(":?").doesNotContain("change-me");
    }

    @Test
    void importsARealmWithoutTheDevelopmentUsers() throws IOException {
        String realm = Files.readString(ROOT.resolve("ops/keycloak/vn-portal-realm.json"));
        assertThat(realm).doesNotContain("\"users\"").doesNotContain("dev-password");
        String dev = Files.readString(ROOT.resolve("ops/keycloak/dev/vn-portal-realm.json"));
        assertThat(dev).contains("\"users\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapesEveryApplicationOnItsManagementPortAndProvisionsTheDashboard() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus.yml")));
        List<String> targets = new ArrayList<>();
        for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
            for (Object config : (List<Object>) ((Map<String, Object>) job).get("static_configs")) {
                targets.addAll((List<String>) ((Map<String, Object>) config).get("targets"));
            }
        }
        List<Object> grafanaVolumes = (List<Object>) services(ROOT.resolve("docker-compose.yml")).get("grafana").get("volumes");

        assertThat(targets).containsExactlyInAnyOrder("gateway:9080", "article-service:9081", "rating-service:9082",
                "media-service:9083", "portal:9084");
        assertThat(grafanaVolumes).contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./ops/grafana/dashboards:/etc/grafana/dashboards:ro");
        assertThat(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(ROOT.resolve("ops/grafana/dashboards/platform.json")).exists();
    }

    /** "127.0.0.1:8081:8081", or the long syntax with {@code host_ip: 127.0.0.1}. */
    private static boolean onLoopback(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            return "127.0.0.1".equals(String.valueOf(longSyntax.get("host_ip")));
        }
        String spec = String.valueOf(port);
        return spec.startsWith("127.0.0.1:") && spec.split(":").length == 3;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Path file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(file));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static List<?> ports(Map<String, Object> service) {
        return service.get("ports") instanceof List<?> ports ? ports : List.of();
    }

    private static Map<?, ?> environment(Map<String, Object> service) {
        return service.get("environment") instanceof Map<?, ?> environment ? environment : Map.of();
    }
}
