package vn.portal.article.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.platform.readmodel.ReadModel;
import vn.portal.platform.readmodel.ReadModelRebuild;
import vn.portal.platform.web.Problems;

/**
 * {@code POST /api/admin/rebuild} (editor role): the rebuild of the {@code articles} read model,
 * kept at its first address; the same as {@code POST /api/admin/read-models/articles/rebuild}.
 * Answers when the replay has caught up, with counts; 409 while another rebuild of it runs here.
 */
@Tag(name = "Operations", description = "Operator actions")
@RestController
class RebuildController {

    private final ReadModelRebuild rebuild;
    private final ReadModel articles;

    RebuildController(ReadModelRebuild rebuild, @Qualifier("articlesReadModel") ReadModel articlesReadModel) {
        this.rebuild = rebuild;
        this.articles = articlesReadModel;
    }

    @Operation(operationId = "rebuildReadModel",
            summary = "Drop the read model and replay the article topics; answers with counts once caught up",
            responses = {
                @ApiResponse(responseCode = "200", description = "Rebuilt: what was replayed"),
                @ApiResponse(responseCode = "409", description = "Another rebuild is running")})
    @PostMapping("/api/admin/rebuild")
    Report rebuild() {
        try {
            ReadModelRebuild.RebuildReport report = rebuild.rebuild(articles);
            return new Report(report.records(), report.outcomes(),
                    report.documents().values().stream().mapToLong(Long::longValue).sum(), report.took());
        } catch (ReadModelRebuild.AlreadyRunning e) {
            throw Problems.problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
        }
    }

    /** The answer as version 1.0.0 of the API published it ({@code articles}: the articles after the rebuild). */
    record Report(long records, Map<String, Long> outcomes, long articles, Duration took) {
    }
}
