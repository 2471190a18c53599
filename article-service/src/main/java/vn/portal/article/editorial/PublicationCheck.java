package vn.portal.article.editorial;

import java.util.ArrayList;
import java.util.List;
import vn.portal.platform.text.PlainText;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.article.rules.ArticleRules;
import vn.portal.contracts.ArticlePublished;
import vn.portal.contracts.ArticleUnpublished;
import vn.portal.contracts.EventType;
import vn.portal.platform.events.EventSchemas;
import vn.portal.platform.events.InvalidEventException;

/**
 * Would the ingest take this event? The same checks it makes, in the same order, on the event the
 * editorial API is about to produce: the draft's fields against the contract's limits (in words an
 * editor understands), the JSON Schema, then the reader rules with the body sanitizer. An event
 * that fails them is never produced: it would only be dead-lettered while the API said 202.
 */
@Component
class PublicationCheck {

    static final int MAX_NOTE = 2000;

    private final ArticleRules rules;
    private final EventSchemas schemas;
    private final JsonMapper json;

    PublicationCheck(ArticleRules rules, EventSchemas schemas, JsonMapper json) {
        this.rules = rules;
        this.schemas = schemas;
        this.json = json;
    }

    /** @throws org.springframework.web.ErrorResponseException 400 {@code article-rejected} with the reasons */
    void require(Record event) {
        List<String> reasons = reasons(event);
        if (!reasons.isEmpty()) {
            throw EditorialProblems.rejected(reasons);
        }
    }

    /** Why the ingest would dead-letter it; empty when it would not. */
    List<String> reasons(Record event) {
        List<String> reasons = new ArrayList<>();
        if (event instanceof ArticlePublished article) {
            reasons.addAll(new DraftRequest(article.title(), article.lead(), article.bodyHtml(), article.images(),
                    article.author(), article.category(), article.tags()).problems());
            if (article.correctionNote() != null && article.correctionNote().length() > MAX_NOTE) {
                reasons.add("the correction note is longer than " + MAX_NOTE + " characters");
            } else if (PlainText.problem(article.correctionNote()) != null) {
                reasons.add("the correction note " + PlainText.problem(article.correctionNote()));
            }
        } else if (event instanceof ArticleUnpublished withdrawal
                && withdrawal.reason() != null && withdrawal.reason().length() > MAX_NOTE) {
            reasons.add("reason is longer than " + MAX_NOTE + " characters");
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }
        try {
            // as the publisher serializes it, and as the ingest reads it
            schemas.check(EventType.of(event.getClass()), json.readTree(json.writeValueAsBytes(event)));
        } catch (InvalidEventException e) {
            return List.of(e.getMessage());
        }
        if (event instanceof ArticlePublished article) {
            try {
                rules.check(article);
            } catch (ArticleRules.Refused e) {
                return List.of(e.reason());
            }
        }
        return List.of();
    }
}
