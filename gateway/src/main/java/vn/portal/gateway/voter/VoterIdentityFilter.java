package vn.portal.gateway.voter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import vn.portal.gateway.ratelimit.NewVoterLimit;
import vn.portal.gateway.web.Tls;
import vn.portal.identity.PlatformHeaders;
import vn.portal.identity.VoterIds;

/**
 * Who is voting. Any {@code X-Voter-Id}/{@code X-Voter-Signature} a client sends is removed.
 * A signed-in user is {@link VoterIds#forAccount} of the token's subject; an anonymous reader is
 * the id in the signed {@code portal_voter} cookie, and a reader without a valid one (none yet, or
 * tampered with) gets a new one on the first rating call, as long as its address has new ids left
 * ({@link NewVoterLimit}). An anonymous id carries its issue time; a vote by one younger than
 * {@code platform.voter.min-age-to-vote} waits. The rating routes forward the result ({@link ForwardVoterGatewayFilterFactory}).
 * Runs after the token check, so it knows the user.
 */
@Component
class VoterIdentityFilter implements WebFilter, Ordered {

    private final VoterIds voterIds;
    private final VoterProperties properties;
    private final NewVoterLimit newVoters;
    private final Clock clock = Clock.systemUTC();

    VoterIdentityFilter(VoterIds voterIds, VoterProperties properties, NewVoterLimit newVoters) {
        this.voterIds = voterIds;
        this.properties = properties;
        this.newVoters = newVoters;
    }

    @Override
    public int getOrder() {
        return -50; // after Spring Security's WebFilterChainProxy (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest stripped = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(PlatformHeaders.VOTER_ID);
            headers.remove(PlatformHeaders.VOTER_SIGNATURE);
        }).build();
        ServerWebExchange clean = exchange.mutate().request(stripped).build();
        if (!issuesCookies(stripped)) {
            return chain.filter(clean);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(token -> ((JwtAuthenticationToken) token).getToken().getSubject()) // no sub: anonymous
                .map(subject -> Optional.of(voterIds.forAccount(subject)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> account.isPresent() ? proceed(clean, chain, account.get()) : anonymous(clean, chain));
    }

    private Mono<Void> anonymous(ServerWebExchange exchange, WebFilterChain chain) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(properties.cookieName());
        Optional<String> known = voterIds.fromCookie(cookie == null ? null : cookie.getValue());
        if (known.isPresent()) {
            return proceed(exchange, chain, known.get());
        }
        return newVoters.tryIssue(exchange.getRequest()).flatMap(probe -> {
            if (!probe.isConsumed()) {
                // only a vote needs a voter: the rating line still reads, without a cookie
                return newVoters.isVote(exchange.getRequest()) ? NewVoterLimit.refuse(exchange, probe)
                        : chain.filter(exchange);
            }
            String voterId = voterIds.newAnonymousId(clock.instant());
            exchange.getResponse().addCookie(ResponseCookie.from(properties.cookieName(), voterIds.cookieValue(voterId))
                    .httpOnly(true)
                    .secure(Tls.isSecure(exchange.getRequest()))
                    .sameSite("Lax")
                    .path("/")
                    .maxAge(properties.cookieMaxAge())
                    .build());
            return proceed(exchange, chain, voterId);
        });
    }

    /** Goes on as {@code voterId}; a vote by an anonymous id younger than the minimum age waits. */
    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String voterId) {
        if (!properties.minAgeToVote().isZero() && newVoters.isVote(exchange.getRequest())) {
            Optional<Instant> issued = VoterIds.issuedAt(voterId);
            if (issued.isPresent()) {
                Duration age = Duration.between(issued.get(), clock.instant());
                if (age.compareTo(properties.minAgeToVote()) < 0) {
                    return NewVoterLimit.tooFresh(exchange, properties.minAgeToVote().minus(age).toSeconds() + 1);
                }
            }
        }
        exchange.getAttributes().put(Voter.ATTRIBUTE, voterId);
        return chain.filter(exchange);
    }

    /**
     * The rating calls only: the rating line the page loads is a reader's first contact with
     * voting. Not the article reads, which are publicly cacheable: a shared cache must never store
     * (or refuse to store) a response because it carries one reader's Set-Cookie.
     */
    private static boolean issuesCookies(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return RATING_PATHS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static final List<PathPattern> RATING_PATHS = Stream.of(
                    "/api/articles/{id}/rating", "/api/articles/{id}/ratings", "/api/ratings/**")
            .map(PathPatternParser.defaultInstance::parse).toList();
}
