package vn.portal.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits (documented in the README). Every request counts against {@code perAddress}; a
 * rating request ({@code ratings} entries) also against {@code ratingsPerAddress} and
 * {@code ratingsPerVoter}. {@code store}: {@code memory} (one gateway instance) or {@code redis}
 * ({@code redisUri}; buckets shared by every instance). The client address is the connection's
 * peer, or, when that peer is one of {@code trustedProxies}, the nearest untrusted address in
 * {@code X-Forwarded-For}.
 */
@ConfigurationProperties("gateway.rate-limit")
record RateLimitProperties(Store store, String redisUri, Limit perAddress, Limit ratingsPerAddress,
                           Limit ratingsPerVoter, Limit newVotersPerAddress, List<String> ratings,
                           List<String> trustedProxies) {

    enum Store { MEMORY, REDIS }

    /** {@code requests} per {@code per}, refilled smoothly. */
    record Limit(long requests, Duration per) {
    }

    RateLimitProperties {
        store = store == null ? Store.MEMORY : store;
        redisUri = redisUri == null ? "redis://localhost:6379" : redisUri;
        // sized for a few hundred readers behind one NAT (docs/security.md, "Per-address limits")
        perAddress = perAddress == null ? new Limit(6000, Duration.ofMinutes(1)) : perAddress;
        ratingsPerAddress = ratingsPerAddress == null ? new Limit(300, Duration.ofMinutes(1)) : ratingsPerAddress;
        ratingsPerVoter = ratingsPerVoter == null ? new Limit(10, Duration.ofMinutes(1)) : ratingsPerVoter;
        newVotersPerAddress = newVotersPerAddress == null ? new Limit(600, Duration.ofHours(1)) : newVotersPerAddress;
        ratings = ratings == null ? List.of("POST /api/articles/*/ratings") : ratings;
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies;
    }
}
