package vn.portal.rating;

import vn.portal.devstack.EmbeddedPlatform;

/** The rating flow on the embedded Kafka broker and MongoDB-wire server. */
@EmbeddedPlatform
class RatingFlowTest extends RatingFlowContract {
}
