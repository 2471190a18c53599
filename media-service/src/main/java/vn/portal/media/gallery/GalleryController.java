package vn.portal.media.gallery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static vn.portal.platform.web.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.portal.contracts.ArticleImage;
import vn.portal.media.image.MediaCatalog;
import vn.portal.media.image.MediaSummary;

/** The gallery of a published article, and the photo library of albums and article galleries. */
@Tag(name = "Galleries", description = "An article's gallery and the photo library (Thư viện ảnh)")
@RestController
class GalleryController {

    static final int MAX_PAGE_SIZE = 50;

    private final MongoTemplate mongo;
    private final MediaCatalog catalog;

    GalleryController(MongoTemplate mongo, MediaCatalog catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    /** 404 for an unknown or withdrawn article and for one without images alike. */
    @Operation(operationId = "getArticleGallery",
            summary = "An article's images in its order, with its captions",
            responses = {
                @ApiResponse(responseCode = "200", description = "The gallery"),
                @ApiResponse(responseCode = "404", description = "The article is unknown, withdrawn or has no images")})
    @GetMapping("/api/articles/{articleId}/gallery")
    GalleryResponse gallery(@PathVariable String articleId) {
        Gallery gallery = mongo.findById(articleId, Gallery.class);
        if (gallery == null || gallery.kindOrArticle() != Gallery.Kind.ARTICLE || !gallery.shown()) {
            throw notFound("Article " + articleId + " has no gallery");
        }
        return new GalleryResponse(gallery.id(), gallery.revision(), gallery.title(), images(gallery));
    }

    /** The photo library, newest first: albums and the galleries of published articles. */
    @Operation(operationId = "listGalleries", summary = "The photo library: albums and article galleries, newest first")
    @GetMapping("/api/galleries")
    LibraryResponses.Page library(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        int pageNumber = Math.max(0, page);
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        Query listed = query(where("status").is(Gallery.Status.PUBLISHED).and("count").gt(0));
        long total = mongo.count(listed, Gallery.class);
        List<LibraryResponses.Summary> galleries = mongo.find(Query.of(listed)
                        .with(Sort.by(Sort.Order.desc("listedAt"), Sort.Order.asc("_id")))
                        .skip((long) pageNumber * pageSize).limit(pageSize), Gallery.class)
                .stream().filter(Gallery::shown).map(LibraryResponses.Summary::of).toList();
        return new LibraryResponses.Page(pageNumber, pageSize, total, galleries);
    }

    /** One gallery of the library by its id: an articleId or {@code album-<slug>}. */
    @Operation(operationId = "getGallery", summary = "One album or article gallery of the photo library")
    @GetMapping("/api/galleries/{id}")
    LibraryResponses.Detail libraryGallery(@PathVariable String id) {
        Gallery gallery = mongo.findById(id, Gallery.class);
        if (gallery == null || !gallery.shown()) {
            throw notFound("No gallery has the id " + id);
        }
        boolean article = gallery.kindOrArticle() == Gallery.Kind.ARTICLE;
        return new LibraryResponses.Detail(gallery.id(), LibraryResponses.kind(gallery), gallery.title(),
                article ? gallery.id() : null, gallery.images().size(), LibraryResponses.at(gallery), images(gallery));
    }

    private List<GalleryImage> images(Gallery gallery) {
        Map<String, MediaSummary> media = catalog.byIds(gallery.images().stream().map(ArticleImage::mediaId)
                .filter(Objects::nonNull).distinct().toList());
        return gallery.images().stream().map(image -> GalleryImage.of(image, media)).toList();
    }

    private static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "gallery-not-found", detail);
    }
}
