package vn.portal.media.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes every served form of an upload, once, at upload time: decodes it at the smallest
 * resolution no form needs scaling up from ({@link ImageReadParam#setSourceSubsampling}, so a
 * 24 MP photo is decoded at 6 MP), applies the EXIF orientation, then crops, scales and
 * re-encodes. Re-encoding from pixels is also what strips the metadata: an ImageIO writer given a
 * {@link BufferedImage} writes no EXIF, GPS or XMP.
 * <p>
 * Output format: JPEG for JPEG uploads and opaque WebP (no writer for WebP here); PNG for PNG, GIF
 * (its first frame) and WebP with transparency.
 */
final class RenditionMaker {

    private final int originalMaxSide;
    private final float jpegQuality;
    private final Semaphore decodes;

    RenditionMaker(int originalMaxSide, float jpegQuality, int concurrentDecodes) {
        this.originalMaxSide = originalMaxSide;
        this.jpegQuality = jpegQuality;
        this.decodes = new Semaphore(Math.max(1, concurrentDecodes), true);
    }

    /** One encoded form. Forms with the same picture share the bytes and so the SHA-256. */
    record Encoded(String name, int width, int height, String contentType, String extension, byte[] bytes,
                   String sha256) {
    }

    /** The displayed size of the image (after orientation) and its forms, {@code original} first. */
    record Made(int width, int height, List<Encoded> renditions) {
    }

    /** Thrown when the pixels cannot be decoded although the header could be read. */
    static final class UndecodableException extends IOException {
        UndecodableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Made make(Path upload, UploadInspector.Inspected image, EmbeddedMetadata metadata, FocalPoint focal)
            throws IOException {
        int width = metadata.swapsSides() ? image.height() : image.width();
        int height = metadata.swapsSides() ? image.width() : image.height();
        List<RenditionPlan.Target> targets = RenditionPlan.of(width, height, focal, originalMaxSide);
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to decode", e);
        }
        try {
            BufferedImage decoded = decode(upload, image.type(), RenditionPlan.subsampling(targets));
            boolean alpha = decoded.getColorModel().hasAlpha();
            Format format = image.type() == ImageType.JPEG || (image.type() == ImageType.WEBP && !alpha)
                    ? Format.JPEG : Format.PNG;
            BufferedImage displayed = oriented(decoded, metadata.orientation(), format == Format.PNG && alpha);
            decoded.flush();
            double kx = (double) displayed.getWidth() / width;
            double ky = (double) displayed.getHeight() / height;
            Map<List<Integer>, Encoded> made = new HashMap<>();
            List<Encoded> renditions = new ArrayList<>();
            for (RenditionPlan.Target target : targets) {
                Rectangle window = target.window();
                List<Integer> key = List.of(window.x, window.y, window.width, window.height, target.width(),
                        target.height());
                Encoded same = made.get(key);
                if (same == null) {
                    Rectangle scaled = scaled(window, kx, ky, displayed.getWidth(), displayed.getHeight());
                    BufferedImage picture = scale(displayed.getSubimage(scaled.x, scaled.y, scaled.width,
                            scaled.height), target.width(), target.height());
                    byte[] bytes = format == Format.JPEG ? jpeg(picture) : png(picture);
                    same = new Encoded(target.name(), target.width(), target.height(), format.contentType,
                            format.extension, bytes, sha256(bytes));
                    made.put(key, same);
                }
                renditions.add(new Encoded(target.name(), same.width(), same.height(), same.contentType(),
                        same.extension(), same.bytes(), same.sha256()));
            }
            return new Made(width, height, renditions);
        } finally {
            decodes.release();
        }
    }

    private enum Format {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** The first image (for GIF the first frame), keeping every n-th pixel of every n-th row. */
    private static BufferedImage decode(Path upload, ImageType type, int subsampling) throws IOException {
        ImageReader reader = UploadInspector.reader(type);
        try (ImageInputStream in = new FileImageInputStream(upload.toFile())) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableException("the pixels cannot be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The picture upright, as an RGB (or ARGB) image: the EXIF orientation's flip or quarter turns,
     * drawn exactly (nearest neighbour, whole-pixel translations).
     */
    static BufferedImage oriented(BufferedImage source, int orientation, boolean keepAlpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        boolean swap = orientation >= 5;
        BufferedImage upright = new BufferedImage(swap ? h : w, swap ? w : h,
                keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        try {
            if (!keepAlpha) {
                g.setColor(Color.WHITE); // transparent pixels of an image served as JPEG
                g.fillRect(0, 0, upright.getWidth(), upright.getHeight());
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /** Scales down by halves, then to the exact size, bilinear: sharp without the cost of bicubic. */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        do {
            int w = current.getWidth() > 2 * width ? current.getWidth() / 2 : width;
            int h = current.getHeight() > 2 * height ? current.getHeight() / 2 : height;
            BufferedImage next = new BufferedImage(w, h, source.getType() == BufferedImage.TYPE_INT_ARGB
                    ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != width || current.getHeight() != height);
        return current;
    }

    /** A window of the full image in the pixels of the (possibly subsampled) decoded one. */
    private static Rectangle scaled(Rectangle window, double kx, double ky, int maxWidth, int maxHeight) {
        int x = Math.min(maxWidth - 1, (int) Math.floor(window.x * kx));
        int y = Math.min(maxHeight - 1, (int) Math.floor(window.y * ky));
        int w = Math.max(1, Math.min(maxWidth - x, (int) Math.round(window.width * kx)));
        int h = Math.max(1, Math.min(maxHeight - y, (int) Math.round(window.height * ky)));
        return new Rectangle(x, y, w, h);
    }

    private byte[] jpeg(BufferedImage picture) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage picture) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
