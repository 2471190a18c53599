package vn.portal.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import vn.portal.platform.events.EventsConfiguration;
import vn.portal.platform.health.MongoPingHealthConfiguration;
import vn.portal.platform.security.PlatformSecurityConfiguration;
import vn.portal.platform.web.WebConfiguration;

/** What every service gets by depending on platform-support. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@Import({EventsConfiguration.class, MongoPingHealthConfiguration.class, PlatformSecurityConfiguration.class,
        WebConfiguration.class})
public class PlatformAutoConfiguration {
}
