package vn.portal.media.image;

import static vn.portal.media.Problems.problem;

import java.io.IOException;
import java.net.URI;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload an image, read its metadata, load its bytes. */
@RestController
@RequestMapping("/api/media")
class MediaController {

    /** The same limits as the {@code MediaUploaded} schema: what is accepted can be announced. */
    static final int MAX_CAPTION = 2000;
    static final int MAX_ALT = 1000;
    static final int MAX_CREDIT = 500;
    static final String W1024 = "w1024";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final MediaLibrary library;

    MediaController(MediaLibrary library) {
        this.library = library;
    }

    /** 201 for a new image; 200 with the stored image when the same bytes were uploaded before. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaResponse> upload(@RequestPart("file") MultipartFile file,
                                         @RequestParam(required = false) String caption,
                                         @RequestParam(required = false) String alt,
                                         @RequestParam(required = false) String credit) throws IOException {
        byte[] content = file.getBytes();
        ProbedImage image = ProbedImage.of(content);
        MediaLibrary.Uploaded uploaded = library.upload(content, image, text("caption", caption, MAX_CAPTION),
                text("alt", alt, MAX_ALT), text("credit", credit, MAX_CREDIT));
        MediaResponse body = MediaResponse.of(uploaded.media());
        return uploaded.created()
                ? ResponseEntity.created(URI.create("/api/media/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping("/{id}")
    MediaResponse get(@PathVariable String id) {
        return MediaResponse.of(find(id));
    }

    /**
     * The bytes of a rendition, cacheable for a year: a rendition's bytes never change. A request
     * whose {@code If-None-Match} names the ETag gets 304 (the framework checks it for a
     * {@code ResponseEntity} before writing the body, so GridFS is not read).
     * <p>
     * Only {@code original} exists until renditions are made. Articles already link
     * {@code w1024}, so it is served too: as the original when that is at most 1024 px wide
     * (it would not be scaled up), otherwise 404 until the real rendition exists.
     */
    @GetMapping("/{id}/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable String id, @PathVariable String rendition) {
        Media media = find(id);
        boolean served = Media.ORIGINAL.equals(rendition) || (W1024.equals(rendition) && media.width() <= 1024);
        if (!served) {
            throw problem(HttpStatus.NOT_FOUND, "rendition-not-found",
                    "Image " + id + " has no rendition " + rendition);
        }
        String filename = (Media.ORIGINAL.equals(rendition) ? id : id + "-" + rendition) + "."
                + media.type().extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(media.contentType()))
                .eTag("\"" + media.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(library.original(media));
    }

    private Media find(String id) {
        return library.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "media-not-found",
                "No image has the id " + id));
    }

    /** Blank is absent; too long is refused, as the event could not carry it. */
    private static String text(String field, String value, int maxLength) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-media-text",
                    field + " must be at most " + maxLength + " characters");
        }
        return text;
    }
}
