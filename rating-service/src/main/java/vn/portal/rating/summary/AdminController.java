package vn.portal.rating.summary;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.platform.readmodel.ReadModel;
import vn.portal.platform.readmodel.ReadModelRebuild;
import vn.portal.platform.web.Problems;

/**
 * {@code POST /api/admin/ratings/replay} (editor role), kept at its first address: rebuilds the
 * totals and the current votes with the platform's {@link ReadModelRebuild}, the same as
 * {@code POST /api/admin/read-models/totals/rebuild} and {@code .../current-votes/rebuild}. The
 * tally itself (Kafka Streams) keeps its state in its changelog topics and is not touched.
 */
@RestController
class AdminController {

    private final ReadModelRebuild rebuild;
    private final List<ReadModel> models;

    AdminController(ReadModelRebuild rebuild, @Qualifier("totalsReadModel") ReadModel totals,
                    @Qualifier("currentVotesReadModel") ReadModel currentVotes) {
        this.rebuild = rebuild;
        this.models = List.of(totals, currentVotes);
    }

    @PostMapping("/api/admin/ratings/replay")
    ReplayStarted replay() {
        long records = 0;
        for (ReadModel model : models) {
            try {
                records += rebuild.rebuild(model).records();
            } catch (ReadModelRebuild.AlreadyRunning e) {
                throw Problems.problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
            }
        }
        return new ReplayStarted(records);
    }

    /** @param recordsToReplay the records replayed (the name is the first version's) */
    record ReplayStarted(long recordsToReplay) {
    }
}
