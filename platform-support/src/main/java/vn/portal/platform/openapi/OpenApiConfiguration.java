package vn.portal.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.portal.platform.security.PlatformSecurityProperties;

/**
 * Every service's OpenAPI document, written once: its title, version and description from
 * {@code platform.api.*}, the gateway as its one server, and the problem responses of every
 * operation ({@link ProblemResponses}). Controllers only add what is theirs: a summary per
 * operation and the few answers only that operation gives (a 409, a 410).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiProperties.class)
public class OpenApiConfiguration {

    static {
        // the error page (ProblemErrorController) answers refusals; it is no operation of the API
        SpringDocUtils.getConfig().addHiddenRestControllers(ErrorController.class);
    }

    @Bean
    OpenAPI platformOpenApi(ApiProperties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description())
                        .contact(new Contact().name("Cổng thông tin điện tử, platform team").url("https://portal.vn")))
                // readers and editors reach every service through the gateway (its limits, its token check)
                .addServersItem(new Server().url("/").description("the portal gateway"));
    }

    @Bean
    OpenApiCustomizer platformProblemResponses(PlatformSecurityProperties security) {
        return new ProblemResponses(security.publicPaths());
    }
}
