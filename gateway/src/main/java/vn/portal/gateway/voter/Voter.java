package vn.portal.gateway.voter;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** The verified voter of a request, as {@link VoterIdentityFilter} found it. */
public final class Voter {

    static final String ATTRIBUTE = Voter.class.getName();

    private Voter() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
