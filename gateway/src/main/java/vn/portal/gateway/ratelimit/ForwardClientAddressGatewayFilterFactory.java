package vn.portal.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ForwardClientAddress}: tells the route's backend the client's address as the gateway's
 * limits see it, in {@code X-Client-Address} (replacing whatever the client sent; Spring Cloud
 * Gateway drops {@code X-Forwarded-For} towards backends unless its own trusted proxies are set).
 * The portal reads the API on behalf of that reader and passes the address back in
 * {@code X-Forwarded-For}; the gateway trusts the portal ({@code GATEWAY_TRUSTED_PROXIES}), so each
 * reader is limited, not the portal as one client.
 */
@Component
class ForwardClientAddressGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String CLIENT_ADDRESS = "X-Client-Address";

    private final ClientAddress clientAddress;

    ForwardClientAddressGatewayFilterFactory(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            String client = clientAddress.of(exchange.getRequest());
            return chain.filter(exchange.mutate().request(exchange.getRequest().mutate()
                    .headers(headers -> headers.set(CLIENT_ADDRESS, client)).build()).build());
        };
    }
}
