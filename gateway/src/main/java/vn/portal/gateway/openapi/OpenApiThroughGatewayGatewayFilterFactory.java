package vn.portal.gateway.openapi;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route filter {@code OpenApiThroughGateway}: a service's OpenAPI document names the service's
 * own address as its server; through the gateway it names the gateway (a relative {@code /}), so
 * "Try it out" in the API UI goes through the gateway, its token check and its limits.
 */
@Component
class OpenApiThroughGatewayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

    OpenApiThroughGatewayGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> Mono.justOrEmpty(throughGateway(body))));
    }

    static String throughGateway(String document) {
        if (document == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (!(root instanceof ObjectNode object) || !object.has("openapi")) {
                return document;
            }
            object.putArray("servers").addObject().put("url", "/").put("description", "the portal gateway");
            return JSON.writeValueAsString(object);
        } catch (JacksonException notJson) {
            return document;
        }
    }
}
