package vn.portal.platform.health;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which real MongoDB and the embedded MongoDB-wire server both
 * answer. Boot's own check sends {@code hello}, unknown to the MongoDB-wire server, and would
 * report DOWN. The bean name replaces Boot's contributor.
 */
@Configuration(proxyBeanMethods = false)
public class MongoPingHealthConfiguration {

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(ObjectProvider<MongoTemplate> mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                MongoTemplate template = mongo.getObject();
                Document reply = template.executeCommand(new Document("ping", 1));
                builder.status(reply.get("ok", Number.class).doubleValue() == 1.0 ? "UP" : "DOWN")
                        .withDetail("database", template.getDb().getName());
            }
        };
    }
}
