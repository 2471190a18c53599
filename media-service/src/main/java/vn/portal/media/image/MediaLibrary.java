package vn.portal.media.image;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static vn.portal.platform.web.Problems.problem;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import vn.portal.platform.text.PlainText;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import vn.portal.contracts.MediaUploaded;
import vn.portal.platform.events.EventPublisher;
import vn.portal.platform.slug.Slugs;

/**
 * Stores images once per content (deduplicated by the SHA-256 of the uploaded bytes): the upload
 * privately and every served form in GridFS, the record in {@code media}; announces each new image
 * with {@code MediaUploaded}; edits the editorial text; deletes images no published article uses.
 */
@Component
class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    static final int MAX_COPYRIGHT = 500;

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final EventPublisher events;
    private final ApplicationEventPublisher inProcess;
    private final MediaUsage usage;
    private final UploadInspector inspector;
    private final RenditionMaker renditions;
    private final Clock clock;
    private final MeterRegistry meters;

    MediaLibrary(MongoTemplate mongo, GridFsTemplate gridFs, EventPublisher events,
                 ApplicationEventPublisher inProcess, MediaUsage usage, UploadInspector inspector,
                 RenditionMaker renditions, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.events = events;
        this.inProcess = inProcess;
        this.usage = usage;
        this.inspector = inspector;
        this.renditions = renditions;
        this.clock = clock;
        this.meters = meters;
    }

    /** The editor's text of an upload; null is absent. */
    record UploadForm(String caption, String alt, String credit, String copyright, String album,
                      FocalPoint focalPoint) {
    }

    /** The outcome of an upload: the stored media, and whether this upload created it. */
    record Uploaded(Media media, boolean created) {
    }

    /**
     * Alt text may be missing: editors often add it after the upload (PATCH), and the galleries
     * flag such images with {@code altMissing} until they have it, since alt text is required
     * before an image appears in a published article.
     */
    Uploaded upload(Path file, UploadForm form) throws IOException {
        UploadInspector.Inspected image = inspector.inspect(file);
        Optional<Media> existing = bySha256(image.sha256());
        if (existing.isPresent()) {
            return new Uploaded(announced(withAlbum(upgraded(existing.get()))), false);
        }
        EmbeddedMetadata embedded = EmbeddedMetadata.of(file);
        RenditionMaker.Made made = make(file, image, embedded, form.focalPoint());
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectId source;
        try (InputStream in = Files.newInputStream(file)) {
            source = store(in, id + "/source." + image.type().extension(), image.type().contentType(), id, "source");
        }
        meters.counter("media.bytes.stored").increment(image.bytes());
        String album = form.album();
        Media media = new Media(id, image.sha256(), image.type().contentType(), made.width(), made.height(),
                image.bytes(), form.caption(), form.alt(),
                form.credit() != null ? form.credit() : cut(embedded.credit(), MediaController.MAX_CREDIT),
                form.copyright() != null ? form.copyright() : cut(embedded.copyright(), MAX_COPYRIGHT),
                album, album == null ? null : albumId(album), form.focalPoint(), source, store(id, made),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), false);
        try {
            mongo.insert(media);
        } catch (DuplicateKeyException e) {
            // the same bytes were stored by a concurrent upload a moment ago: keep that one
            deleteFiles(media);
            return new Uploaded(announced(bySha256(image.sha256()).orElseThrow()), false);
        }
        return new Uploaded(announced(withAlbum(media)), true);
    }

    Optional<Media> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Media.class));
    }

    /** The bytes of a served form, read from GridFS only when the response body is written. */
    Resource content(Media media, Media.StoredRendition rendition) {
        GridFSFile file = gridFs.findOne(query(where("_id").is(rendition.fileId())));
        if (file == null) {
            throw new IllegalStateException("the GridFS file of " + media.id() + "/" + rendition.name() + " is missing");
        }
        return gridFs.getResource(file);
    }

    /**
     * Sets the given fields (caption, alt, credit, copyright); an empty value clears one. The
     * served bytes do not change, so neither do their ETags.
     */
    Optional<Media> update(String id, Map<String, Optional<String>> changes) {
        Update update = new Update();
        changes.forEach((field, value) -> {
            if (value.isPresent()) {
                update.set(field, value.get());
            } else {
                update.unset(field);
            }
        });
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(id)), update,
                FindAndModifyOptions.options().returnNew(true), Media.class));
    }

    /**
     * Deletes the image and its files unless a published article shows it (409). The record goes
     * first, so nothing ever points at a deleted file.
     */
    void delete(Media media) {
        List<String> articles = usage.publishedArticlesUsing(media.id());
        if (!articles.isEmpty()) {
            ErrorResponseException inUse = problem(HttpStatus.CONFLICT, "media-in-use", "Image " + media.id()
                    + " is shown in " + articles.size() + " published article(s); withdraw or edit them first");
            inUse.getBody().setProperty("articles", articles);
            throw inUse;
        }
        mongo.remove(query(where("_id").is(media.id())), Media.class);
        deleteFiles(media);
        if (media.albumId() != null) {
            inProcess.publishEvent(new AlbumChanged(media.albumId()));
        }
        meters.counter("media.deleted").increment();
        log.info("media {} deleted", media.id());
    }

    static String albumId(String album) {
        return "album-" + Slugs.of(album);
    }

    private RenditionMaker.Made make(Path file, UploadInspector.Inspected image, EmbeddedMetadata embedded,
                                     FocalPoint focal) throws IOException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "made";
        try {
            return renditions.make(file, image, embedded, focal);
        } catch (RenditionMaker.UndecodableException e) {
            outcome = "undecodable";
            throw UploadInspector.unreadable(e.getMessage());
        } finally {
            sample.stop(meters.timer("media.renditions", "type", image.type().extension(), "outcome", outcome));
        }
    }

    /** Each distinct picture once; forms with the same picture point at the same file. */
    private List<Media.StoredRendition> store(String id, RenditionMaker.Made made) {
        Map<String, ObjectId> files = new HashMap<>();
        List<Media.StoredRendition> stored = new ArrayList<>();
        for (RenditionMaker.Encoded encoded : made.renditions()) {
            ObjectId fileId = files.get(encoded.sha256());
            if (fileId == null) {
                fileId = store(new ByteArrayInputStream(encoded.bytes()),
                        id + "/" + encoded.name() + "." + encoded.extension(), encoded.contentType(), id, encoded.name());
                files.put(encoded.sha256(), fileId);
                meters.counter("media.bytes.stored").increment(encoded.bytes().length);
            }
            stored.add(new Media.StoredRendition(encoded.name(), encoded.width(), encoded.height(),
                    encoded.contentType(), encoded.extension(), fileId, encoded.sha256(), encoded.bytes().length));
        }
        return stored;
    }

    private ObjectId store(InputStream content, String filename, String contentType, String mediaId, String kind) {
        return gridFs.store(content, filename, contentType, new Document("mediaId", mediaId).append("kind", kind));
    }

    private void deleteFiles(Media media) {
        Set<ObjectId> files = new LinkedHashSet<>();
        if (media.sourceFileId() != null) {
            files.add(media.sourceFileId());
        }
        if (media.renditions() != null) {
            media.renditions().forEach(r -> files.add(r.fileId()));
        }
        gridFs.delete(query(where("_id").in(files)));
    }

    /**
     * A record stored before renditions existed (only its upload in GridFS) gets them now, made
     * from the kept upload: the reason the upload is kept.
     */
    private Media upgraded(Media media) throws IOException {
        if (media.renditions() != null) {
            return media;
        }
        GridFSFile file = gridFs.findOne(query(where("_id").is(media.sourceFileId())));
        Path copy = Files.createTempFile("media-source-", ".tmp");
        try {
            try (InputStream in = gridFs.getResource(file).getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            UploadInspector.Inspected image = inspector.inspect(copy);
            RenditionMaker.Made made = make(copy, image, EmbeddedMetadata.of(copy), FocalPoint.CENTRE);
            List<Media.StoredRendition> stored = store(media.id(), made);
            mongo.updateFirst(query(where("_id").is(media.id())), Update.update("renditions", stored)
                    .set("width", made.width()).set("height", made.height()).set("focalPoint", FocalPoint.CENTRE),
                    Media.class);
            log.info("media {}: renditions made from the kept upload", media.id());
            return mongo.findById(media.id(), Media.class);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The album's gallery is derived from the records: safe to ask again, e.g. after a failure. */
    private Media withAlbum(Media media) {
        if (media.albumId() != null) {
            inProcess.publishEvent(new AlbumChanged(media.albumId()));
        }
        return media;
    }

    /**
     * Produces {@code MediaUploaded} unless an earlier upload did. The store comes first: when the
     * broker does not acknowledge, the client gets 503 and its retry (the same bytes) finds the
     * media here and announces it then. The mediaId is the CloudEvents id, so a consumer can
     * recognise an announcement it got twice.
     */
    private Media announced(Media media) {
        if (media.announced()) {
            return media;
        }
        events.publish(new MediaUploaded(media.id(), media.contentType(), media.width(), media.height(),
                media.bytes(), media.sha256(), media.caption(), media.alt(), media.credit(),
                media.announcedRenditions(), media.uploadedAt()), media.id(), media.id());
        mongo.updateFirst(query(where("_id").is(media.id())), Update.update("announced", true), Media.class);
        return media.announcedNow();
    }

    private Optional<Media> bySha256(String sha256) {
        return Optional.ofNullable(mongo.findOne(query(where("sha256").is(sha256)), Media.class));
    }

    /** A photo's own credit or copyright, kept only if it is plain text, cut to what the record holds. */
    private static String cut(String text, int maxLength) {
        String kept = text == null || text.length() <= maxLength ? text : text.substring(0, maxLength);
        if (PlainText.problem(kept) != null) {
            log.info("dropping an embedded credit or copyright that is not plain text");
            return null;
        }
        return kept;
    }
}
