package vn.portal.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development token issuer: an RSA key pair kept in a directory, and signed JWTs with the
 * issuer, audience and roles the services check. For the local run and tests only; production
 * points the services at a real identity provider's JWK set.
 */
public final class DevIssuer {

    public static final String ISSUER = "urn:vn-portal:dev-issuer";
    public static final String AUDIENCE = "vn-portal";

    private static DevIssuer forTests;

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DevIssuer(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair in {@code dir}, or makes one there. */
    public static DevIssuer inDirectory(Path dir) {
        try {
            Path privateFile = dir.resolve("private-key.pem");
            Path publicFile = dir.resolve("public-key.pem");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPair pair = newKeyPair();
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String body = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new DevIssuer(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One issuer per test JVM, in a temporary directory. */
    public static synchronized DevIssuer forTests() {
        if (forTests == null) {
            try {
                Path dir = Files.createTempDirectory("dev-issuer");
                dir.toFile().deleteOnExit();
                forTests = inDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forTests;
    }

    /** For {@code platform.security.jwt.public-key-location} / {@code JWT_PUBLIC_KEY_LOCATION}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    public String editorToken(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofHours(12), List.of("editor"));
    }

    public String operatorToken(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofHours(1), List.of("operator"));
    }

    public String readerToken(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofHours(12), List.of("reader"));
    }

    public String expiredEditorToken(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofMinutes(-10), List.of("editor"));
    }

    public String editorTokenFromIssuer(String issuer) {
        return token("someone", issuer, AUDIENCE, Duration.ofHours(1), List.of("editor"));
    }

    public String editorTokenForAudience(String audience) {
        return token("someone", ISSUER, audience, Duration.ofHours(1), List.of("editor"));
    }

    /** An editor token that never expires: no {@code exp} claim at all. */
    public String editorTokenWithoutExpiry(String subject) {
        return token(subject, ISSUER, AUDIENCE, null, List.of("editor"));
    }

    /** An editor token good for ten years. */
    public String editorTokenForTenYears(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofDays(3650), List.of("editor"));
    }

    /** A token whose role only looks like the editor's: {@code edıtor} (dotless i) upper-cases to EDITOR. */
    public String lookalikeEditorToken(String subject) {
        return token(subject, ISSUER, AUDIENCE, Duration.ofHours(1), List.of("ed\u0131tor"));
    }

    /** A token that looks right but is signed with another key. */
    public static String editorTokenWithAWrongSignature() {
        try {
            return new DevIssuer(newKeyPair().getPrivate(), null)
                    .token("intruder", ISSUER, AUDIENCE, Duration.ofHours(1), List.of("editor"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param validFor null for a token without {@code exp} */
    public String token(String subject, String issuer, String audience, Duration validFor, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(validFor == null ? null : Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("name", subject)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dev-issuer").build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
