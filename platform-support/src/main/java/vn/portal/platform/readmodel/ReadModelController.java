package vn.portal.platform.readmodel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.platform.web.Problems;

/**
 * {@code POST /api/admin/read-models/{name}/rebuild} (editor role, as every path outside a
 * service's public paths): rebuilds one of the service's {@link ReadModel}s from its topics and
 * answers when the replay has caught up, with counts; 404 for an unknown name, 409 while the same
 * rebuild runs in this instance.
 */
@Tag(name = "Operations", description = "Operator actions")
@RestController
class ReadModelController {

    private final List<ReadModel> models;
    private final ReadModelRebuild rebuild;

    ReadModelController(List<ReadModel> models, ReadModelRebuild rebuild) {
        this.models = models;
        this.rebuild = rebuild;
    }

    @Operation(operationId = "rebuildNamedReadModel",
            summary = "Empty one read model and replay its topics while every instance keeps consuming; answers with counts once caught up",
            responses = {
                @ApiResponse(responseCode = "200", description = "Rebuilt: what was replayed and the documents after it"),
                @ApiResponse(responseCode = "404", description = "This service has no read model of that name"),
                @ApiResponse(responseCode = "409", description = "A rebuild of it is already running here")})
    @PostMapping("/api/admin/read-models/{name}/rebuild")
    ReadModelRebuild.RebuildReport rebuild(@PathVariable String name) {
        ReadModel model = models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "read-model-not-found",
                        "No read model " + name + " here; this service has " + models.stream().map(ReadModel::name).toList()));
        try {
            return rebuild.rebuild(model);
        } catch (ReadModelRebuild.AlreadyRunning e) {
            throw Problems.problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
        }
    }
}
