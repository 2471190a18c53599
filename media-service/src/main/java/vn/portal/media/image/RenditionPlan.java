package vn.portal.media.image;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * The served forms of an image, as geometry only: which part of the displayed image each shows
 * (its window) and at what size. Nothing is ever scaled up: a form that would be larger than its
 * window is its window's size. Every name exists for every image, so that a link such as
 * {@code w1024} never breaks; for a small image several names are the same picture.
 */
final class RenditionPlan {

    static final String ORIGINAL = "original";
    static final int[] WIDTHS = {320, 640, 1024, 1600};
    /** Crops for sharing cards and structured data (1:1, 4:3, 16:9), at most this wide. */
    static final int CROP_WIDTH = 1200;
    static final int[][] CROPS = {{1, 1}, {4, 3}, {16, 9}};

    private RenditionPlan() {
    }

    /** One served form: {@code window} in pixels of the full displayed image. */
    record Target(String name, Rectangle window, int width, int height) {
    }

    /**
     * @param width  of the displayed image (after orientation)
     * @param height of the displayed image
     */
    static List<Target> of(int width, int height, FocalPoint focal, int originalMaxSide) {
        Rectangle whole = new Rectangle(0, 0, width, height);
        List<Target> targets = new ArrayList<>();
        double shrink = Math.min(1.0, (double) originalMaxSide / Math.max(width, height));
        targets.add(new Target(ORIGINAL, whole, Math.max(1, (int) Math.round(width * shrink)),
                Math.max(1, (int) Math.round(height * shrink))));
        for (int w : WIDTHS) {
            int out = Math.min(w, width);
            targets.add(new Target("w" + w, whole, out, Math.max(1, (int) Math.round((double) height * out / width))));
        }
        for (int[] ratio : CROPS) {
            Rectangle window = cropWindow(width, height, ratio[0], ratio[1], focal);
            int out = Math.min(CROP_WIDTH, window.width);
            int outHeight = out == window.width ? window.height
                    : Math.max(1, (int) Math.round((double) out * ratio[1] / ratio[0]));
            targets.add(new Target("crop-" + ratio[0] + "x" + ratio[1], window, out, outHeight));
        }
        return targets;
    }

    /**
     * The largest window of the ratio that fits, centred on the focal point as far as the edges
     * allow: it always contains the focal point.
     */
    static Rectangle cropWindow(int width, int height, int ratioWidth, int ratioHeight, FocalPoint focal) {
        int w;
        int h;
        if ((long) width * ratioHeight >= (long) height * ratioWidth) {
            h = height;
            w = clamp((int) Math.round((double) height * ratioWidth / ratioHeight), 1, width);
        } else {
            w = width;
            h = clamp((int) Math.round((double) width * ratioHeight / ratioWidth), 1, height);
        }
        int x = clamp((int) Math.floor(focal.x() * width - w / 2.0), 0, width - w);
        int y = clamp((int) Math.floor(focal.y() * height - h / 2.0), 0, height - h);
        return new Rectangle(x, y, w, h);
    }

    /**
     * The largest decoder subsampling (keep every n-th pixel in both directions) after which no
     * target needs scaling up: how far the image can be shrunk while it is decoded.
     */
    static int subsampling(List<Target> targets) {
        int factor = Integer.MAX_VALUE;
        for (Target target : targets) {
            factor = Math.min(factor, Math.min(target.window().width / target.width(),
                    target.window().height / target.height()));
        }
        return Math.max(1, factor);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
