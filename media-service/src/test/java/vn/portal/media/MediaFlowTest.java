package vn.portal.media;

import vn.portal.devstack.EmbeddedPlatform;

/** The media flow on the embedded Kafka broker and MongoDB-wire server. */
@EmbeddedPlatform
class MediaFlowTest extends MediaFlowContract {
}
