package vn.portal.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous voter ids and their signatures (HMAC-SHA256 with a secret the gateway and
 * rating-service share). An anonymous reader's cookie holds {@code id.signature}; an account's
 * voter id is a keyed hash of its subject, so events never carry account names.
 */
public final class VoterIds {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ANONYMOUS = "a-";

    /** The voter secrets written in the repository (application defaults, docker-compose.yml): anyone knows them. */
    public static final Set<String> COMMITTED_DEFAULTS = Set.of("dev-only-voter-secret-change-me",
            "compose-voter-secret-change-me");
    /** The Spring profile under which a committed default secret is tolerated. */
    public static final String DEVELOPMENT_PROFILE = "dev";

    private final byte[] secret;

    /**
     * Refuses to go on with a secret from the repository unless this is development: with it, anyone
     * who reaches rating-service can sign voter ids, and anyone can forge the gateway's cookies.
     *
     * @throws IllegalStateException when {@code secret} is a committed default outside development
     */
    public static void refuseCommittedDefault(String secret, boolean development) {
        if (COMMITTED_DEFAULTS.contains(secret) && !development) {
            throw new IllegalStateException("PLATFORM_VOTER_SECRET is the value committed to the repository; set a "
                    + "secret of your own (32 random bytes), or run with the Spring profile '" + DEVELOPMENT_PROFILE + "'");
        }
    }

    public VoterIds(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the voter secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh id for an anonymous reader, issued now. */
    public String newAnonymousId() {
        return newAnonymousId(Instant.now());
    }

    /**
     * A fresh id for an anonymous reader, issued at {@code issuedAt}: {@code a-<epoch seconds>-<random>}.
     * The time is part of the id, so it is inside what {@link #cookieValue} and {@link #sign} sign:
     * nobody without the secret can make an id look older than it is.
     */
    public String newAnonymousId(Instant issuedAt) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ANONYMOUS + issuedAt.getEpochSecond() + "-" + BASE64.encodeToString(bytes);
    }

    /**
     * When an anonymous id was issued; empty for an account's voter id or an id from before ids
     * carried their time (those are old anyway). Trust it only for an id whose signature verified.
     */
    public static Optional<Instant> issuedAt(String voterId) {
        if (voterId == null || !voterId.startsWith(ANONYMOUS)) {
            return Optional.empty();
        }
        int end = voterId.indexOf('-', ANONYMOUS.length());
        if (end < 0 || end - ANONYMOUS.length() > 12) {
            return Optional.empty();
        }
        String seconds = voterId.substring(ANONYMOUS.length(), end);
        if (seconds.isEmpty() || !seconds.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
    }

    /** The stable pseudonym of an authenticated account. */
    public String forAccount(String subject) {
        return "u-" + hmac("account:" + subject).substring(0, 22);
    }

    public String sign(String voterId) {
        return hmac("voter:" + voterId);
    }

    public boolean verify(String voterId, String signature) {
        if (voterId == null || signature == null || voterId.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(voterId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cookie value: {@code id.signature}. */
    public String cookieValue(String voterId) {
        return voterId + "." + sign(voterId);
    }

    /** The voter id in a cookie value, if its signature verifies. */
    public Optional<String> fromCookie(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        return verify(id, value.substring(dot + 1)) ? Optional.of(id) : Optional.empty();
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
