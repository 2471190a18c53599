package vn.portal.media.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngProcessingException;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.StreamReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.iptc.IptcDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
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

    /** An EXIF block larger than this is not a camera's: skipped. */
    static final int MAX_EXIF_BYTES = 256 * 1024;

    /**
     * Broken metadata is common and harmless here: the image is then taken as it is stored. A PNG's
     * compressed chunks ({@code zTXt}, {@code iTXt}, {@code iCCP}) are never inflated: a few MB of
     * them inflate to GBs (a metadata bomb) and hold nothing kept here; only its {@code eXIf} chunk,
     * stored uncompressed, is read. The other types' metadata is stored uncompressed, bounded by the
     * upload's size.
     */
    static EmbeddedMetadata of(Path upload) {
        Metadata metadata;
        try {
            metadata = isPng(upload) ? pngExif(upload) : ImageMetadataReader.readMetadata(upload.toFile());
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

    private static boolean isPng(Path upload) throws IOException {
        byte[] signature = new byte[PNG_SIGNATURE.length];
        try (InputStream in = Files.newInputStream(upload)) {
            return in.readNBytes(signature, 0, signature.length) == signature.length
                    && Arrays.equals(signature, PNG_SIGNATURE);
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** The {@code eXIf} chunk alone: every other chunk is skipped unread. */
    private static Metadata pngExif(Path upload) throws IOException, PngProcessingException {
        Metadata metadata = new Metadata();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(upload))) {
            for (PngChunk chunk : new PngChunkReader().extract(new StreamReader(in), Set.of(PngChunkType.eXIf))) {
                if (chunk.getBytes().length <= MAX_EXIF_BYTES) {
                    new ExifReader().extract(new ByteArrayReader(chunk.getBytes()), metadata);
                }
            }
        }
        return metadata;
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
