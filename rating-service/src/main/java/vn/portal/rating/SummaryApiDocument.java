package vn.portal.rating;

import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The summaries of the totals' operations (package {@code summary}), written here rather than as
 * annotations on those controllers while the tally is being moved to Kafka Streams; move them
 * onto the controllers ({@code @Operation}, {@code @Tag}) once that has landed.
 */
@Component
class SummaryApiDocument implements OpenApiCustomizer {

    private record Described(String tag, String operationId, String summary, Map<String, String> responses) {
    }

    private static final Map<String, Described> OPERATIONS = Map.of(
            "GET /api/articles/{articleId}/rating", new Described("Ratings", "getRating",
                    "An article's totals: points, count, average, histogram, score and the Vietnamese rating line",
                    Map.of("404", "The article is unknown or withdrawn")),
            "GET /api/ratings/top", new Described("Ratings", "listTopRated",
                    "The best-rated articles of the last days, by their Bayesian score", Map.of()),
            "POST /api/admin/ratings/replay", new Described("Operations", "replayTally",
                    "Rebuild the totals and the current votes from their topics; answers once both caught up",
                    Map.of("409", "A rebuild of either is already running here")));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.addTagsItem(new Tag().name("Ratings").description("Totals and the top-rated list"));
        // the platform's read-model rebuild may have declared it already
        if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(t -> "Operations".equals(t.getName()))) {
            openApi.addTagsItem(new Tag().name("Operations").description("Operator actions"));
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Described described = OPERATIONS.get(method.name() + " " + path);
            if (described != null) {
                describe(operation, described);
            }
        }));
    }

    private static void describe(Operation operation, Described described) {
        operation.tags(List.of(described.tag())).operationId(described.operationId()).summary(described.summary());
        described.responses().forEach((status, description) ->
                operation.getResponses().addApiResponse(status, new ApiResponse().description(description)));
    }
}
