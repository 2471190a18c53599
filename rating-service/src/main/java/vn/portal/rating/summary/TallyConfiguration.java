package vn.portal.rating.summary;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import tools.jackson.databind.json.JsonMapper;
import vn.portal.platform.events.EventSchemas;
import vn.portal.platform.events.IncomingEvents;

/**
 * Binds the {@link TallyTopology} with the Spring Cloud Stream Kafka Streams binder: the bindings
 * {@code tally-in-0} (ArticleRated) and {@code tally-out-0} (ArticleRatingSummary), the
 * application id, {@code exactly_once_v2} and the state directory are in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class TallyConfiguration {

    @Bean
    Function<KStream<String, byte[]>, KStream<String, byte[]>> tally(IncomingEvents incoming, EventSchemas schemas,
                                                                     JsonMapper json, MeterRegistry meters, Clock clock,
                                                                     @Value("${spring.application.name}") String application) {
        return new TallyTopology(incoming, schemas, json, meters, clock, "/vn-portal/" + application);
    }

    /**
     * A stopped instance removes itself from the group on close instead of being waited for until
     * its session times out: a restarted or replaced rating-service folds votes again within
     * seconds. Kafka Streams removes only static members ({@code group.instance.id}, set in
     * {@code application.yml}) this way.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer tallyLeavesTheGroupOnClose() {
        return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
    }
}
