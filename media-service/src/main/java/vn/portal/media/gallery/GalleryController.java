package vn.portal.media.gallery;

import static vn.portal.media.Problems.problem;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The photo gallery of a published article. */
@RestController
class GalleryController {

    private final MongoTemplate mongo;

    GalleryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** 404 for an unknown or withdrawn article and for one without images alike. */
    @GetMapping("/api/articles/{articleId}/gallery")
    GalleryResponse gallery(@PathVariable String articleId) {
        Gallery gallery = mongo.findById(articleId, Gallery.class);
        if (gallery == null || gallery.status() != Gallery.Status.PUBLISHED || gallery.images() == null
                || gallery.images().isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "gallery-not-found", "Article " + articleId + " has no gallery");
        }
        return GalleryResponse.of(gallery);
    }
}
