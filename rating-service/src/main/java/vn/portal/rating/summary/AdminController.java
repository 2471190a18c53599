package vn.portal.rating.summary;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions; editor role (everything but platform.security.public-paths needs it). */
@RestController
class AdminController {

    private final ReadModelReplay replay;

    AdminController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/admin/ratings/replay")
    ReplayStarted replay() throws Exception {
        return new ReplayStarted(replay.replayFromTheBeginning());
    }

    record ReplayStarted(long recordsToReplay) {
    }
}
