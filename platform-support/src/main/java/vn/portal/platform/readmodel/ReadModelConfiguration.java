package vn.portal.platform.readmodel;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaderMapper;

/** The rebuild of read models, and its admin endpoint where the service serves HTTP. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    ReadModelRebuild readModelRebuild(ConsumerFactory<?, ?> consumers, MongoTemplate mongo,
                                      @Qualifier("kafkaBinderHeaderMapper") KafkaHeaderMapper headers,
                                      @Value("${spring.application.name}") String application, Clock clock) {
        return new ReadModelRebuild(consumers, mongo, headers, application, clock);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ReadModelController readModelController(java.util.List<ReadModel> models, ReadModelRebuild rebuild) {
        return new ReadModelController(models, rebuild);
    }
}
