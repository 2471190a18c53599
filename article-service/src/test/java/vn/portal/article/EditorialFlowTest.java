package vn.portal.article;

import vn.portal.devstack.EmbeddedPlatform;

/** The editorial flow on the embedded Kafka broker and MongoDB-wire server. */
@EmbeddedPlatform
class EditorialFlowTest extends EditorialFlowContract {
}
