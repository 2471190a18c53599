package vn.portal.article.editorial;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.portal.article.config.ArticleProperties;

/**
 * Publishes drafts whose time has come. The schedule lives in the draft document, not in memory,
 * so a publication due while every instance was down fires at the first poll after a restart.
 * Each due draft is claimed with one findAndModify that sets a lease: of several instances, one
 * gets it; should that one die, the lease runs out and another takes over with the same reserved
 * revision (see {@link Publications#publishScheduled}). So a schedule fires once.
 */
@Component
class ScheduledPublications {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);
    private static final int MAX_PER_POLL = 50;

    private final MongoTemplate mongo;
    private final Publications publications;
    private final Clock clock;
    private final ArticleProperties.Scheduler settings;

    ScheduledPublications(MongoTemplate mongo, Publications publications, Clock clock, ArticleProperties properties) {
        this.mongo = mongo;
        this.publications = publications;
        this.clock = clock;
        this.settings = properties.scheduler();
    }

    @Scheduled(fixedDelayString = "${articles.scheduler.poll-interval:5s}",
            initialDelayString = "${articles.scheduler.poll-interval:5s}")
    void publishDue() {
        if (!settings.enabled()) {
            return;
        }
        for (int i = 0; i < MAX_PER_POLL; i++) {
            Draft claimed = claimNextDue(clock.instant());
            if (claimed == null) {
                return;
            }
            try {
                publications.publishScheduled(claimed);
            } catch (RuntimeException e) {
                // the lease runs out and the next poll (here or elsewhere) tries again
                log.warn("scheduled publication of {} failed, will retry: {}", claimed.id(), e.toString());
            }
        }
    }

    /** Takes the lease of one due draft that nobody else holds, or null. */
    Draft claimNextDue(Instant now) {
        Query due = Query.query(Criteria.where("scheduledAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
        return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(settings.lease())),
                FindAndModifyOptions.options().returnNew(true), Draft.class);
    }
}
