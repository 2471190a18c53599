package vn.portal.media.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The image types media-service accepts, recognised by their magic numbers, never by the file
 * name or the type the client claims.
 */
enum ImageType {

    JPEG("image/jpeg", "jpg", bytes(0xFF, 0xD8, 0xFF)),
    PNG("image/png", "png", bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
    GIF("image/gif", "gif", ascii("GIF87a"), ascii("GIF89a"));

    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");

    private final String contentType;
    private final String extension;
    private final List<byte[]> signatures;

    ImageType(String contentType, String extension, byte[]... signatures) {
        this.contentType = contentType;
        this.extension = extension;
        this.signatures = List.of(signatures);
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<ImageType> detect(byte[] content) {
        return Arrays.stream(values())
                .filter(type -> type.signatures.stream().anyMatch(signature -> startsWith(content, 0, signature)))
                .findFirst();
    }

    static ImageType ofContentType(String contentType) {
        return Arrays.stream(values()).filter(type -> type.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an accepted image type: " + contentType));
    }

    /** {@code RIFF}, a 4-byte size, {@code WEBP}: recognised, to be refused with a precise reason. */
    static boolean isWebp(byte[] content) {
        return startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP);
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
