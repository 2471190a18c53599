package vn.portal.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import vn.portal.platform.events.EventsConfiguration;
import vn.portal.platform.health.MongoPingHealthConfiguration;

/** What every service gets by depending on platform-support. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@Import({EventsConfiguration.class, MongoPingHealthConfiguration.class})
public class PlatformAutoConfiguration {
}
