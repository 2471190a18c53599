package vn.portal.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import vn.portal.platform.events.EventsConfiguration;
import vn.portal.platform.health.MongoPingHealthConfiguration;
import vn.portal.platform.openapi.OpenApiConfiguration;
import vn.portal.platform.readmodel.ReadModelConfiguration;
import vn.portal.platform.security.PlatformSecurityConfiguration;
import vn.portal.platform.web.WebConfiguration;

/** What every service gets by depending on platform-support. */
// before Boot's error page (its BasicErrorController backs off for WebConfiguration's ProblemErrorController)
@AutoConfiguration(beforeName = {"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@Import({EventsConfiguration.class, ReadModelConfiguration.class, MongoPingHealthConfiguration.class,
        PlatformSecurityConfiguration.class, OpenApiConfiguration.class, WebConfiguration.class})
public class PlatformAutoConfiguration {
}
