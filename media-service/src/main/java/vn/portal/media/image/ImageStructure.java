package vn.portal.media.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One streaming pass over an upload: its SHA-256 and length, a walk of the format's structure to
 * the end of the image (a file that ends before it is truncated), and a search for active content.
 * <p>
 * Polyglots: an image whose bytes are also an HTML page or a script is refused when an HTML or
 * script marker ({@link #MARKERS}) appears <em>in the first KB</em> (where browsers and other
 * content sniffers look) or <em>after the end of the image</em> (data appended to a valid image,
 * the classic JPEG/HTML polyglot). Bytes inside the image (compressed pixels, metadata) are not
 * searched: compressed data matches short markers by chance, and nothing served is these bytes
 * anyway, since every rendition is re-encoded from pixels. Plain data after the end (some cameras
 * append a preview or a video) is accepted.
 */
final class ImageStructure {

    /** Markers that make bytes an HTML document or a script, lowercase. */
    static final List<String> MARKERS = List.of("<!doctype", "<html", "<head", "<body", "<script", "<iframe",
            "<svg", "<object", "<embed", "<style", "<title", "<?php");
    static final int SNIFFED_PREFIX = 1024;
    /**
     * A progressive JPEG of thousands of tiny scans makes a decoder walk its whole coefficient
     * buffer once per scan (a known denial of service); real encoders write at most a few dozen.
     */
    static final int MAX_JPEG_SCANS = 100;

    private ImageStructure() {
    }

    /** What the pass found. {@code activeContent} names the marker and where, or is null. */
    record Scan(String sha256, long bytes, String activeContent) {
    }

    /** The file ends before its image does. */
    static final class TruncatedException extends IOException {
        TruncatedException(String message) {
            super(message);
        }
    }

    /**
     * A PNG's text and colour-profile chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, {@code iCCP})
     * together at most this many bytes as stored: real photos hold a few KB to a few hundred KB
     * (an ICC profile, XMP); megabytes of them are a metadata bomb (compressed, they inflate to GBs).
     */
    static final long MAX_PNG_METADATA_BYTES = 1024 * 1024;
    private static final java.util.Set<String> PNG_METADATA = java.util.Set.of("tEXt", "zTXt", "iTXt", "iCCP");

    /** More metadata than any photo carries. */
    static final class MetadataTooLargeException extends IOException {
        MetadataTooLargeException(String message) {
            super(message);
        }
    }

    /** The bytes do not follow the format's structure. */
    static final class CorruptException extends IOException {
        CorruptException(String message) {
            super(message);
        }
    }

    static Scan scan(ImageType type, InputStream raw) throws IOException {
        ScanningStream in = new ScanningStream(raw);
        try {
            switch (type) {
                case JPEG -> jpeg(in);
                case PNG -> png(in);
                case GIF -> gif(in);
                case WEBP -> webp(in);
            }
        } catch (EOFException e) {
            throw new TruncatedException("the file ends inside the image, at byte " + in.position);
        }
        in.trailer();
        in.drain();
        return new Scan(HexFormat.of().formatHex(in.digest.digest()), in.position, in.found);
    }

    /** Segments up to the first scan; entropy-coded data up to a marker; on to EOI (FFD9). */
    private static void jpeg(ScanningStream in) throws IOException {
        if (in.u8() != 0xFF || in.u8() != 0xD8) {
            throw new CorruptException("no JPEG start of image");
        }
        int marker = nextMarker(in);
        int scans = 0;
        while (true) {
            if (marker == 0xD9) {
                return; // end of image
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                marker = nextMarker(in); // standalone markers carry no length
                continue;
            }
            if (marker == 0xD8 || marker == 0x00) {
                throw new CorruptException("unexpected JPEG marker " + Integer.toHexString(marker));
            }
            int length = in.u16();
            if (length < 2) {
                throw new CorruptException("JPEG segment length " + length);
            }
            in.skip(length - 2L);
            if (marker == 0xDA && ++scans > MAX_JPEG_SCANS) {
                throw new CorruptException("more than " + MAX_JPEG_SCANS + " scans");
            }
            marker = marker == 0xDA ? afterEntropyCodedData(in) : nextMarker(in);
        }
    }

    /** The next marker, skipping fill bytes (and, as decoders do, stray bytes before it). */
    private static int nextMarker(ScanningStream in) throws IOException {
        int b = in.u8();
        while (b != 0xFF) {
            b = in.u8();
        }
        while (b == 0xFF) {
            b = in.u8();
        }
        return b;
    }

    /** In scan data FF is followed by 00 (a stuffed byte) or a restart marker; anything else ends it. */
    private static int afterEntropyCodedData(ScanningStream in) throws IOException {
        while (true) {
            if (in.u8() != 0xFF) {
                continue;
            }
            int b = in.u8();
            while (b == 0xFF) {
                b = in.u8();
            }
            if (b != 0x00 && (b < 0xD0 || b > 0xD7)) {
                return b;
            }
        }
    }

    /** Signature, then chunks (length, type, data, CRC) up to IEND. */
    private static void png(ScanningStream in) throws IOException {
        in.skip(8);
        long metadata = 0;
        while (true) {
            long length = in.u32();
            if (length > Integer.MAX_VALUE) {
                throw new CorruptException("PNG chunk length " + length);
            }
            String chunk = in.ascii(4);
            if (PNG_METADATA.contains(chunk) && (metadata += length) > MAX_PNG_METADATA_BYTES) {
                throw new MetadataTooLargeException("the PNG's text and colour profile chunks hold more than "
                        + MAX_PNG_METADATA_BYTES / 1024 + " KB");
            }
            in.skip(length + 4);
            if ("IEND".equals(chunk)) {
                return;
            }
        }
    }

    /** Header, logical screen, colour table, then extensions and images up to the trailer (3B). */
    private static void gif(ScanningStream in) throws IOException {
        in.skip(6 + 4);
        int packed = in.u8();
        in.skip(2);
        if ((packed & 0x80) != 0) {
            in.skip(3L << ((packed & 7) + 1));
        }
        boolean sawImage = false;
        while (true) {
            int introducer = in.u8OrEnd();
            if (introducer == 0x3B || (introducer < 0 && sawImage)) {
                return; // the trailer; some encoders omit it after the last complete block
            }
            switch (introducer) {
                case 0x21 -> {
                    in.u8(); // extension label
                    subBlocks(in);
                }
                case 0x2C -> {
                    in.skip(8);
                    int imagePacked = in.u8();
                    if ((imagePacked & 0x80) != 0) {
                        in.skip(3L << ((imagePacked & 7) + 1));
                    }
                    in.u8(); // LZW minimum code size
                    subBlocks(in);
                    sawImage = true;
                }
                case -1 -> throw new EOFException();
                default -> throw new CorruptException("unknown GIF block " + Integer.toHexString(introducer));
            }
        }
    }

    private static void subBlocks(ScanningStream in) throws IOException {
        int size = in.u8();
        while (size != 0) {
            in.skip(size);
            size = in.u8();
        }
    }

    /** A RIFF container: its size says where the image ends. */
    private static void webp(ScanningStream in) throws IOException {
        in.skip(4);
        long size = in.u32le();
        if (size < 4) {
            throw new CorruptException("RIFF size " + size);
        }
        in.skip(size + (size & 1));
    }

    /**
     * Reads through its own buffer (no synchronized read per byte), digests everything, and feeds
     * the marker search with the first KB and, after {@link #trailer()}, everything else.
     */
    private static final class ScanningStream {

        private static final int WINDOW = 16;

        private final InputStream in;
        private final MessageDigest digest;
        private final byte[] buffer = new byte[64 * 1024];
        private final byte[] window = new byte[WINDOW];
        private int next;
        private int limit;
        private long position;
        private boolean trailer;
        private int windowLength;
        private String found;

        ScanningStream(InputStream in) {
            this.in = in;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        int u8OrEnd() throws IOException {
            if (next == limit && !fill()) {
                return -1;
            }
            int b = buffer[next++] & 0xFF;
            consumed(b);
            return b;
        }

        int u8() throws IOException {
            int b = u8OrEnd();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        int u16() throws IOException {
            return (u8() << 8) | u8();
        }

        long u32() throws IOException {
            return ((long) u16() << 16) | u16();
        }

        long u32le() throws IOException {
            return u8() | (u8() << 8) | (u8() << 16) | ((long) u8() << 24);
        }

        String ascii(int length) throws IOException {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) u8();
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        void skip(long count) throws IOException {
            long left = count;
            while (left > 0) {
                if (next == limit && !fill()) {
                    throw new EOFException();
                }
                int n = (int) Math.min(left, limit - next);
                if (searching()) {
                    for (int i = 0; i < n; i++) {
                        consumed(buffer[next + i] & 0xFF);
                    }
                } else {
                    position += n;
                }
                next += n;
                left -= n;
            }
        }

        /** From here on, bytes are after the image: searched for markers too. */
        void trailer() {
            trailer = true;
            windowLength = 0;
        }

        void drain() throws IOException {
            while (next < limit || fill()) {
                skip(limit - next);
            }
        }

        private boolean searching() {
            return found == null && (trailer || position < SNIFFED_PREFIX + WINDOW);
        }

        private void consumed(int b) {
            if (searching()) {
                search(b);
            }
            position++;
        }

        private void search(int b) {
            byte lower = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
            if (windowLength == WINDOW) {
                System.arraycopy(window, 1, window, 0, WINDOW - 1);
                windowLength--;
            }
            window[windowLength++] = lower;
            for (String marker : MARKERS) {
                int length = marker.length();
                if (length > windowLength) {
                    continue;
                }
                long start = position - length + 1;
                if (!trailer && start >= SNIFFED_PREFIX) {
                    continue;
                }
                boolean match = true;
                for (int i = 0; i < length && match; i++) {
                    match = window[windowLength - length + i] == marker.charAt(i);
                }
                if (match) {
                    found = marker + (trailer ? " after the end of the image" : " in the first KB") + ", at byte "
                            + start;
                    return;
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                next = limit = 0;
                return false;
            }
            digest.update(buffer, 0, n);
            next = 0;
            limit = n;
            return true;
        }
    }
}
