package vn.portal.media.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What media-service keeps from an upload's own metadata before every served form drops it: the
 * EXIF orientation (applied to the pixels) and the rights (copyright and the photographer, kept in
 * the media record). GPS position, camera serial numbers, XMP and the rest are never read and never
 * served.
 *
 * @param orientation EXIF orientation 1..8, 1 when absent
 * @param copyright   EXIF Copyright or IPTC Copyright Notice, may be null
 * @param credit      IPTC Credit, IPTC By-line or EXIF Artist, may be null
 */
record EmbeddedMetadata(int orientation, String copyright, String credit) {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMetadata.class);
    static final EmbeddedMetadata NONE = new EmbeddedMetadata(1, null, null);

    /** Broken metadata is common and harmless here: the image is then taken as it is stored. */
    static EmbeddedMetadata of(Path upload) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(upload.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            log.info("ignoring unreadable image metadata: {}", e.toString());
            return NONE;
        }
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        int orientation = 1;
        if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            orientation = value != null && value >= 1 && value <= 8 ? value : 1;
        }
        String copyright = first(text(exif, ExifIFD0Directory.TAG_COPYRIGHT),
                text(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE));
        String credit = first(text(iptc, IptcDirectory.TAG_CREDIT), text(iptc, IptcDirectory.TAG_BY_LINE),
                text(exif, ExifIFD0Directory.TAG_ARTIST));
        return new EmbeddedMetadata(orientation, copyright, credit);
    }

    /** Orientations 5 to 8 turn the image a quarter: width and height trade places. */
    boolean swapsSides() {
        return orientation >= 5;
    }

    private static String text(Directory directory, int tag) {
        if (directory == null) {
            return null;
        }
        String value = directory.getString(tag);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
