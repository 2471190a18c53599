package vn.portal.article.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.platform.web.Problems;

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
            throw Problems.problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
        }
    }
}
