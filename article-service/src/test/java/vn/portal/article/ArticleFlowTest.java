package vn.portal.article;

import vn.portal.devstack.EmbeddedPlatform;

/** The article flow on the embedded Kafka broker and MongoDB-wire server. */
@EmbeddedPlatform
class ArticleFlowTest extends ArticleFlowContract {
}
