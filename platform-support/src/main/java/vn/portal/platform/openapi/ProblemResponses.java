package vn.portal.platform.openapi;

import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.util.AntPathMatcher;
import vn.portal.platform.web.Problems;

/**
 * The error answers of every operation, derived from what the operation is rather than written on
 * each method: 400 when it reads parameters or a body, 401/403 when it is not one of the service's
 * {@code platform.security.public-paths} (and then it needs the editor token), 404 when its path
 * names something, 413/415 when it reads a body, and 429/503 for every call (the gateway's rate
 * limits; a service or Kafka out of reach). Every 4xx/5xx answer, these and the ones a controller
 * declares itself, is {@code application/problem+json} with the {@value #SCHEMA} schema.
 */
final class ProblemResponses implements OpenApiCustomizer, Ordered {

    static final String SCHEMA = "ProblemDetail";
    static final String EDITOR_TOKEN = "editorToken";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Bad input: a parameter or body this operation does not accept (the problem's type names the rule)",
            401, "No valid editor token: missing, expired, wrongly signed, or from another issuer or audience",
            403, "The token does not carry the editor role",
            404, "Nothing is known under this path",
            413, "The body is larger than the gateway or the service accepts",
            415, "The body's Content-Type is not one this operation reads",
            429, "Too many requests from this client (the gateway's rate limits); Retry-After says when to try again",
            503, "The service, or the Kafka broker a write goes to, cannot be reached now; try again later");

    private final List<String> publicPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    ProblemResponses(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    /** After the services' own customizers: their responses get the problem content too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components
                .addSchemas(SCHEMA, problemSchema())
                .addSecuritySchemes(EDITOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("An editor's token (roles claim or Keycloak realm role editor)")));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) ->
                    item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
        }
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            add(responses, 400);
        }
        if (!isPublic(method, path)) {
            add(responses, 401);
            add(responses, 403);
            operation.addSecurityItem(new SecurityRequirement().addList(EDITOR_TOKEN));
        }
        if (path.contains("{")) {
            add(responses, 404);
        }
        if (body) {
            add(responses, 413);
            add(responses, 415);
        }
        add(responses, 429);
        responses.get("429").addHeaderObject("Retry-After", new Header()
                .description("Seconds until the next request may pass").schema(new IntegerSchema()));
        add(responses, 503);
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            }
        });
    }

    /** A controller's own description of a status (a 404 saying which article) is kept. */
    private static void add(ApiResponses responses, int status) {
        responses.computeIfAbsent(String.valueOf(status), key -> new ApiResponse().description(DESCRIPTIONS.get(status)));
    }

    /** The same rule as the security filter chain: "METHOD /pattern", a GET entry covering HEAD. */
    private boolean isPublic(PathItem.HttpMethod method, String template) {
        String path = template.replaceAll("\\{[^}/]+}", "x");
        for (String entry : publicPaths) {
            String[] methodAndPattern = entry.trim().split("\\s+", 2);
            boolean sameMethod = methodAndPattern[0].equalsIgnoreCase(method.name())
                    || (method == PathItem.HttpMethod.HEAD && methodAndPattern[0].equalsIgnoreCase("GET"));
            if (sameMethod && paths.match(methodAndPattern[1], path)) {
                return true;
            }
        }
        return false;
    }

    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("RFC 9457 problem details; further members may follow")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable per error: " + Problems.TYPE_BASE + "<slug>"))
                .addProperty("title", new StringSchema().description("The status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"));
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }
}
