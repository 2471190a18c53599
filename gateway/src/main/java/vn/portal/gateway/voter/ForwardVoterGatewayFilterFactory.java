package vn.portal.gateway.voter;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import vn.portal.identity.PlatformHeaders;
import vn.portal.identity.VoterIds;

/**
 * Route filter {@code ForwardVoter}: tells the service who votes, in {@code X-Voter-Id} and
 * {@code X-Voter-Signature} ({@link VoterIds#sign}), which it verifies with the shared secret.
 */
@Component
class ForwardVoterGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final VoterIds voterIds;

    ForwardVoterGatewayFilterFactory(VoterIds voterIds) {
        super(Object.class);
        this.voterIds = voterIds;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> Voter.of(exchange)
                .map(voterId -> chain.filter(exchange.mutate().request(exchange.getRequest().mutate()
                        .headers(headers -> {
                            headers.set(PlatformHeaders.VOTER_ID, voterId);
                            headers.set(PlatformHeaders.VOTER_SIGNATURE, voterIds.sign(voterId));
                        }).build()).build()))
                .orElseGet(() -> chain.filter(exchange));
    }
}
