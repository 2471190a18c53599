package vn.portal.contracts;

/**
 * One served form of an image.
 *
 * @param name   e.g. "w320", "w1024", "original", "crop-16x9"
 * @param width  pixels
 * @param height pixels
 * @param url    where it is served, relative to the gateway
 */
public record MediaRendition(String name, int width, int height, String url) {
}
