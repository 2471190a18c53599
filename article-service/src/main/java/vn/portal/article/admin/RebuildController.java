package vn.portal.article.admin;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/rebuild} (editor role): drops the read model and replays the article
 * topics; answers when the replay has caught up, with counts. 409 while another rebuild runs.
 */
@RestController
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/rebuild")
    ReadModelRebuild.Report rebuild() {
        try {
            return rebuild.rebuild();
        } catch (ReadModelRebuild.AlreadyRunning e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setType(URI.create("https://portal.vn/problems/rebuild-running"));
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
    }
}
