package vn.portal.media.image;

import java.util.List;

/**
 * Which published articles show an image: an image they use cannot be deleted. Answered by the
 * galleries read model (fed by {@code ArticlePublished}/{@code ArticleUnpublished}), so it is as
 * current as that consumer.
 */
public interface MediaUsage {

    /** The ids of the published articles whose images include the media, none if unused. */
    List<String> publishedArticlesUsing(String mediaId);
}
