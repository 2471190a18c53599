package vn.portal.media.image;

import static vn.portal.platform.web.Problems.problem;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import vn.portal.platform.text.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Upload an image, read its metadata and its served forms, edit its text, delete it. Writes are
 * for editors: the shared resource-server configuration protects POST, PATCH and DELETE.
 */
@Tag(name = "Media", description = "Images: upload, metadata, renditions, editing")
@RestController
@RequestMapping("/api/media")
class MediaController {

    /** The same limits as the {@code MediaUploaded} schema: what is accepted can be announced. */
    static final int MAX_CAPTION = 2000;
    static final int MAX_ALT = 1000;
    static final int MAX_CREDIT = 500;
    static final int MAX_ALBUM = 200;
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, Integer> EDITABLE = Map.of("caption", MAX_CAPTION, "alt", MAX_ALT,
            "credit", MAX_CREDIT, "copyright", MediaLibrary.MAX_COPYRIGHT);

    private final MediaLibrary library;
    private final MeterRegistry meters;

    MediaController(MediaLibrary library, MeterRegistry meters) {
        this.library = library;
        this.meters = meters;
    }

    /**
     * 201 for a new image; 200 with the stored image when the same bytes were uploaded before (its
     * text is then left as it is: edit it with PATCH). Alt text may be missing here: see
     * {@link MediaLibrary#upload}. The focal point (focalX, focalY, each 0..1 of the displayed
     * image) places the crops; the centre when absent.
     */
    @Operation(operationId = "uploadImage",
            summary = "Upload an image (JPEG, PNG, WebP, GIF; at most 20 MB and 50 megapixels)",
            responses = {
                @ApiResponse(responseCode = "200", description = "The same bytes were uploaded before: the stored image"),
                @ApiResponse(responseCode = "201", description = "The new image, at the Location given"),
                @ApiResponse(responseCode = "413", description = "Over 20 MB (file-too-large) or over 50 megapixels (too-many-pixels)"),
                @ApiResponse(responseCode = "415", description = "Not a JPEG, PNG, WebP or GIF (SVG, HTML and polyglots are refused)")})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaResponse> upload(@RequestPart("file") MultipartFile file,
                                         @RequestParam(required = false) String caption,
                                         @RequestParam(required = false) String alt,
                                         @RequestParam(required = false) String credit,
                                         @RequestParam(required = false) String copyright,
                                         @RequestParam(required = false) String album,
                                         @RequestParam(required = false) String focalX,
                                         @RequestParam(required = false) String focalY) throws IOException {
        Path copy = Files.createTempFile("media-upload-", ".tmp");
        try {
            MediaLibrary.UploadForm form = new MediaLibrary.UploadForm(text("caption", caption, MAX_CAPTION),
                    text("alt", alt, MAX_ALT), text("credit", credit, MAX_CREDIT),
                    text("copyright", copyright, MediaLibrary.MAX_COPYRIGHT), text("album", album, MAX_ALBUM),
                    FocalPoint.of(number(focalX), number(focalY)));
            // the container spooled the part to disk; every pass below streams from this copy
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            MediaLibrary.Uploaded uploaded = library.upload(copy, form);
            outcome(uploaded.created() ? "stored" : "duplicate");
            MediaResponse body = MediaResponse.of(uploaded.media());
            return uploaded.created()
                    ? ResponseEntity.created(URI.create("/api/media/" + body.id())).body(body)
                    : ResponseEntity.ok(body);
        } catch (ErrorResponseException e) {
            String type = String.valueOf(e.getBody().getType());
            outcome(type.substring(type.lastIndexOf('/') + 1));
            throw e;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Operation(operationId = "getImage", summary = "An image's metadata and renditions")
    @GetMapping("/{id}")
    MediaResponse get(@PathVariable String id) {
        return MediaResponse.of(find(id));
    }

    /**
     * The bytes of a served form, cacheable for a year: a form's bytes never change. The ETag is
     * their SHA-256 (strong). A request whose {@code If-None-Match} names it gets 304 (the
     * framework checks it for a {@code ResponseEntity} before writing the body, so GridFS is not
     * read). The file name is built from the hex id and a known form name only: nothing of the
     * client's reaches the header.
     */
    @Operation(operationId = "getRendition",
            summary = "An image's rendition (original, w320...w1600, crop-1x1, crop-4x3, crop-16x9), without EXIF or GPS",
            responses = {
                @ApiResponse(responseCode = "200", description = "The image bytes; strong ETag, immutable caching, 304 on If-None-Match",
                        content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))})
    @GetMapping("/{id}/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable String id, @PathVariable String rendition) {
        Media media = find(id);
        Media.StoredRendition served = media.rendition(rendition).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "rendition-not-found", "Image " + id + " has no rendition " + rendition));
        String filename = (Media.ORIGINAL.equals(rendition) ? id : id + "-" + rendition) + "." + served.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(served.contentType()))
                .contentLength(served.bytes())
                .eTag("\"" + served.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(library.content(media, served));
    }

    /**
     * Edits caption, alt, credit and copyright (JSON merge patch: a field given is set, null or
     * blank clears it, a field not given is left). The album and the focal point stay as uploaded.
     */
    @Operation(operationId = "updateImage", summary = "Edit an image's caption, alt text, credit or copyright (merge patch)")
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    MediaResponse update(@PathVariable String id, @RequestBody JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw invalidPatch("The body must be a JSON object");
        }
        if (patch.isEmpty()) {
            throw invalidPatch("The patch changes nothing: give caption, alt, credit or copyright");
        }
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            Integer maxLength = EDITABLE.get(field.getKey());
            if (maxLength == null) {
                throw invalidPatch("Only caption, alt, credit and copyright can be edited, not " + field.getKey());
            }
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isString()) {
                throw invalidPatch(field.getKey() + " must be a string or null");
            }
            changes.put(field.getKey(), Optional.ofNullable(
                    text(field.getKey(), value.isNull() ? null : value.asString(), maxLength)));
        }
        return MediaResponse.of(library.update(id, changes).orElseThrow(() -> notFound(id)));
    }

    /** 204; 409 while a published article shows the image. */
    @Operation(operationId = "deleteImage",
            summary = "Delete an image",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "409", description = "A published article shows the image")})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        library.delete(find(id));
        return ResponseEntity.noContent().build();
    }

    private Media find(String id) {
        return library.find(id).orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "media-not-found", "No image has the id " + id);
    }

    private static ErrorResponseException invalidPatch(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-media-patch", detail);
    }

    private void outcome(String outcome) {
        meters.counter("media.uploads", "outcome", outcome).increment();
    }

    /** Blank is absent; too long is refused, as the event could not carry it; markup is refused (plain text). */
    private static String text(String field, String value, int maxLength) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-media-text",
                    field + " must be at most " + maxLength + " characters");
        }
        String problem = PlainText.problem(text);
        if (problem != null) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-media-text", field + " " + problem + ": it is plain text");
        }
        return text;
    }

    private static Double number(String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return Double.NaN; // refused as out of range by FocalPoint
        }
    }
}
