package vn.portal.media.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image types media-service accepts, recognised by their magic numbers, never by the file
 * name or the type the client claims.
 */
enum ImageType {

    JPEG("image/jpeg", "jpg", 0, bytes(0xFF, 0xD8, 0xFF)),
    PNG("image/png", "png", 0, bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
    GIF("image/gif", "gif", 0, ascii("GIF87a"), ascii("GIF89a")),
    /** {@code RIFF}, a 4-byte size, then {@code WEBP}. */
    WEBP("image/webp", "webp", 8, ascii("WEBP"));

    /** How many leading bytes {@link #detect} needs. */
    static final int MAGIC_LENGTH = 12;
    private static final byte[] RIFF = ascii("RIFF");

    private final String contentType;
    private final String extension;
    private final int offset;
    private final byte[][] signatures;

    ImageType(String contentType, String extension, int offset, byte[]... signatures) {
        this.contentType = contentType;
        this.extension = extension;
        this.offset = offset;
        this.signatures = signatures;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** The type of the content whose first bytes these are, if it is one we accept. */
    static Optional<ImageType> detect(byte[] head) {
        return Arrays.stream(values()).filter(type -> type.matches(head)).findFirst();
    }

    static ImageType ofContentType(String contentType) {
        return Arrays.stream(values()).filter(type -> type.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an accepted image type: " + contentType));
    }

    private boolean matches(byte[] head) {
        if (this == WEBP && !startsWith(head, 0, RIFF)) {
            return false;
        }
        return Arrays.stream(signatures).anyMatch(signature -> startsWith(head, offset, signature));
    }

    private static boolean startsWith(byte[] content, int offset, byte[] signature) {
        return content.length >= offset + signature.length
                && Arrays.equals(content, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
