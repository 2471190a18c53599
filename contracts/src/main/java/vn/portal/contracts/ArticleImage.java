package vn.portal.contracts;

/**
 * An image shown in an article, in the article's order.
 *
 * @param mediaId the media-service id of the image, or null for an image hosted elsewhere
 * @param url     where readers load it (a media-service rendition or an absolute URL)
 * @param caption the caption printed under the image, as the article gives it
 * @param alt     the alternative text for screen readers
 * @param credit  photographer or source, may be null
 */
public record ArticleImage(String mediaId, String url, String caption, String alt, String credit) {
}
