package vn.portal.media.image;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import vn.portal.contracts.MediaUploaded;
import vn.portal.platform.events.EventPublisher;

/**
 * Stores images once per content (deduplicated by SHA-256), the original bytes in GridFS, and
 * announces each new image with {@code MediaUploaded}.
 */
@Component
class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    MediaLibrary(MongoTemplate mongo, GridFsTemplate gridFs, EventPublisher events, Clock clock,
                 MeterRegistry meters) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** The outcome of an upload: the stored media, and whether this upload created it. */
    record Uploaded(Media media, boolean created) {
    }

    Uploaded upload(byte[] content, ProbedImage image, String caption, String alt, String credit) {
        String sha256 = sha256(content);
        Optional<Media> existing = bySha256(sha256);
        if (existing.isPresent()) {
            return outcome(new Uploaded(announced(existing.get()), false));
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectId fileId = gridFs.store(new ByteArrayInputStream(content), id + "." + image.type().extension(),
                image.type().contentType());
        Media media = new Media(id, sha256, image.type().contentType(), image.width(), image.height(),
                content.length, caption, alt, credit, fileId, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                false);
        try {
            mongo.insert(media);
        } catch (DuplicateKeyException e) {
            // the same bytes were stored by a concurrent upload a moment ago: keep that one
            gridFs.delete(query(where("_id").is(fileId)));
            return outcome(new Uploaded(announced(bySha256(sha256).orElseThrow()), false));
        }
        return outcome(new Uploaded(announced(media), true));
    }

    Optional<Media> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Media.class));
    }

    /** The original bytes, read from GridFS only when the response body is written. */
    Resource original(Media media) {
        GridFSFile file = gridFs.findOne(query(where("_id").is(media.gridFsFileId())));
        if (file == null) {
            throw new IllegalStateException("the GridFS file of media " + media.id() + " is missing");
        }
        return gridFs.getResource(file);
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
                media.bytes(), media.sha256(), media.caption(), media.alt(), media.credit(), media.renditions(),
                media.uploadedAt()), media.id(), media.id());
        mongo.updateFirst(query(where("_id").is(media.id())), Update.update("announced", true), Media.class);
        return new Media(media.id(), media.sha256(), media.contentType(), media.width(), media.height(),
                media.bytes(), media.caption(), media.alt(), media.credit(), media.gridFsFileId(),
                media.uploadedAt(), true);
    }

    private Optional<Media> bySha256(String sha256) {
        return Optional.ofNullable(mongo.findOne(query(where("sha256").is(sha256)), Media.class));
    }

    private Uploaded outcome(Uploaded uploaded) {
        String outcome = uploaded.created() ? "stored" : "duplicate";
        meters.counter("media.uploads", "outcome", outcome).increment();
        log.info("media {} ({} bytes, {}): {}", uploaded.media().id(), uploaded.media().bytes(),
                uploaded.media().contentType(), outcome);
        return uploaded;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
