package vn.portal.identity;

/** HTTP headers the gateway sets for the services. The gateway strips any a client sends. */
public final class PlatformHeaders {

    /** Correlates a request across the gateway, the services, their logs and the events they produce. */
    public static final String REQUEST_ID = "X-Request-Id";

    /** The pseudonymous voter: from the account, or from the signed anonymous voter cookie. */
    public static final String VOTER_ID = "X-Voter-Id";

    /** {@link VoterIds#sign} of {@link #VOTER_ID}: a service accepts the voter only if it verifies. */
    public static final String VOTER_SIGNATURE = "X-Voter-Signature";

    private PlatformHeaders() {
    }
}
