package vn.portal.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.portal.gateway.web.MethodPaths;

/**
 * How many new anonymous voter ids one client address is issued ({@code gateway.rate-limit.new-voters-per-address},
 * per hour): a script that throws its cookie away gets a new voter each time only this often. A reader
 * refused a new id still reads (only a vote needs a voter); a vote without one is a 429 problem.
 */
@Component
public class NewVoterLimit {

    private final Buckets buckets;
    private final RateLimitProperties properties;
    private final ClientAddress clientAddress;
    private final MethodPaths votes;

    NewVoterLimit(Buckets buckets, RateLimitProperties properties, ClientAddress clientAddress) {
        this.buckets = buckets;
        this.properties = properties;
        this.clientAddress = clientAddress;
        this.votes = MethodPaths.of(properties.ratings());
    }

    /** Takes one new voter id from the request's address. */
    public Mono<ConsumptionProbe> tryIssue(ServerHttpRequest request) {
        return buckets.tryConsume("new-voters-address:" + clientAddress.limitKey(request), properties.newVotersPerAddress());
    }

    /** A vote (as opposed to a read of the rating line): it needs a voter. */
    public boolean isVote(ServerHttpRequest request) {
        return votes.matches(request);
    }

    /** The answer to a vote whose address has been issued its new voter ids for now. */
    public static Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        return RateLimited.answer(exchange, probe, "too-many-new-voters",
                "Quá nhiều người đánh giá mới từ địa chỉ này, vui lòng thử lại sau {seconds} giây");
    }

    /** The answer to a vote by a voter id younger than {@code platform.voter.min-age-to-vote}. */
    public static Mono<Void> tooFresh(ServerWebExchange exchange, long seconds) {
        return RateLimited.answer(exchange, seconds, "voter-too-new",
                "Vui lòng đọc bài trước khi đánh giá; thử lại sau {seconds} giây");
    }
}
