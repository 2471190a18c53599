package vn.portal.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real image files made in the tests: every format media-service accepts, and the hostile ones it
 * must refuse. Random pixels keep two tests from uploading the same bytes (uploads are
 * deduplicated by content).
 */
public final class TestImages {

    private static final Random RANDOM = new Random();

    private TestImages() {
    }

    /** Random pixels, so that no two calls give the same bytes. */
    public static byte[] random(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height,
                "gif".equals(format) ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, RANDOM.nextInt(0x1000000));
            }
        }
        return encode(image, format);
    }

    /** A smooth picture (small as JPEG or PNG) with one random pixel to make it unique. */
    public static BufferedImage smooth(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x1E88E5), width, height, new Color(0xFFF59D)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        image.setRGB(0, 0, RANDOM.nextInt(0x1000000));
        return image;
    }

    /** White, with a red square centred on (x, y): where the focal point is. */
    public static BufferedImage withRedSquare(int width, int height, int x, int y, int side) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(x - side / 2, y - side / 2, side, side);
        g.dispose();
        image.setRGB(width - 1, height - 1, 0xF0F0F0 + RANDOM.nextInt(0x0F));
        return image;
    }

    /** Red in the top quarter rows, blue elsewhere: shows where the top went after a turn. */
    public static BufferedImage redTop(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width, height / 4);
        g.dispose();
        image.setRGB(width / 2, height - 1, 0x0000F0 + RANDOM.nextInt(0x0F));
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF: a red first frame, then a blue one. */
    public static byte[] animatedGif(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color color : new Color[] {Color.RED, Color.BLUE}) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
                Graphics2D g = frame.createGraphics();
                g.setColor(color);
                g.fillRect(0, 0, width, height);
                g.dispose();
                frame.setRGB(RANDOM.nextInt(width), RANDOM.nextInt(height), Color.WHITE.getRGB());
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A lossless WebP (VP8L) of one opaque colour. Every prefix code has a single symbol, so each
     * pixel takes no bits: the whole bitstream is a few bytes, whatever the size.
     */
    public static byte[] webp(int width, int height, int rgb) {
        Bits bits = new Bits();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha not used
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // one prefix code group
        int[] symbols = {(rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, rgb & 0xFF, 0xFF, 0}; // green, red, blue, alpha, distance
        for (int symbol : symbols) {
            bits.write(1, 1); // a simple code
            bits.write(0, 1); // of one symbol
            bits.write(1, 1); // written in 8 bits
            bits.write(symbol, 8);
        }
        byte[] vp8l = bits.bytes();
        int padded = vp8l.length + (vp8l.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(12 + padded).put(ascii("WEBP")).put(ascii("VP8L")).putInt(vp8l.length)
                .put(vp8l);
        return riff.array();
    }

    /**
     * A decompression bomb: a valid PNG whose header declares {@code width x height} RGB pixels, all
     * black, of which the compressed data is a few KB per hundred million pixels. Only the first
     * rows are written: enough for a decoder to start allocating.
     */
    public static byte[] bombPng(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[(width * 3 + 1) * 16]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        chunk(png, "IDAT", java.util.Arrays.copyOf(buffer, n));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * A metadata bomb: a small valid PNG (1 x 1) whose {@code zTXt}, {@code iTXt} and {@code iCCP}
     * chunks each inflate to {@code inflatedMegabytes} MB of zeros (a compressed size of about a
     * thousandth of that), and an {@code eXIf} chunk with the orientation, copyright and artist.
     */
    public static byte[] metadataBombPng(int inflatedMegabytes, int orientation, String copyright, String artist) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "eXIf", tiff(orientation, copyright, artist));
        byte[] bomb = deflatedZeros((long) inflatedMegabytes * 1024 * 1024);
        chunk(png, "zTXt", concat(ascii("Comment\0\0"), bomb));
        chunk(png, "iTXt", concat(ascii("XML:com.adobe.xmp\0\1\0\0\0"), bomb));
        chunk(png, "iCCP", concat(ascii("ICC\0\0"), bomb));
        chunk(png, "IDAT", deflatedZeros(4));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflatedZeros(long length) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        byte[] buffer = new byte[64 * 1024];
        for (long left = length; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF block (APP1) right after its start: the orientation, a GPS position,
     * the copyright and the artist.
     */
    public static byte[] withExif(byte[] jpeg, int orientation, String copyright, String artist) {
        byte[] tiff = tiff(orientation, copyright, artist);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length))
                .put(ascii("Exif")).put((byte) 0).put((byte) 0).put(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.writeBytes(app1.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 (orientation, artist, copyright, GPS pointer) and a GPS IFD. */
    private static byte[] tiff(int orientation, String copyright, String artist) {
        byte[] artistBytes = (artist + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] copyrightBytes = (copyright + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int artistAt = ifd0 + ifd0Size;
        int copyrightAt = artistAt + artistBytes.length;
        int gpsAt = copyrightAt + copyrightBytes.length;
        int gpsSize = 2 + 5 * 12 + 4;
        int latitudeAt = gpsAt + gpsSize;
        int longitudeAt = latitudeAt + 24;
        ByteBuffer t = ByteBuffer.allocate(longitudeAt + 24);
        t.put(ascii("MM")).putShort((short) 42).putInt(ifd0);
        t.putShort((short) 4);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        t.putShort((short) 0x013B).putShort((short) 2).putInt(artistBytes.length).putInt(artistAt);
        t.putShort((short) 0x8298).putShort((short) 2).putInt(copyrightBytes.length).putInt(copyrightAt);
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        t.putInt(0);
        t.put(artistBytes).put(copyrightBytes);
        t.putShort((short) 5);
        t.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 3, 0, 0});
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitudeAt);
        t.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        t.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(longitudeAt);
        t.putInt(0);
        // Kon Tum: 14° 21' 36.00" N, 108° 0' 0" E
        t.putInt(14).putInt(1).putInt(21).putInt(1).putInt(3600).putInt(100);
        t.putInt(108).putInt(1).putInt(0).putInt(1).putInt(0).putInt(1);
        return t.array();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(ascii(type));
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Bits written least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int used;

        void write(int value, int count) {
            buffer |= ((long) value & ((1L << count) - 1)) << used;
            used += count;
            while (used >= 8) {
                out.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                used -= 8;
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write((int) (buffer & 0xFF));
                buffer = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
