package vn.portal.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yml} (Kafka, MongoDB, Actuator and problem-details settings
 * that every service shares) as the property source of lowest precedence: a service's own
 * {@code application.yml}, environment variables and command-line arguments all override it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load(NAME, new ClassPathResource(NAME + ".yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
