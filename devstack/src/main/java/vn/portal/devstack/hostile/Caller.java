package vn.portal.devstack.hostile;

import java.util.List;
import java.util.function.Supplier;
import vn.portal.devstack.DevIssuer;

/**
 * Who calls, for the authorization matrix (R8): nobody, six kinds of bad editor token, a reader,
 * and an editor. Only the editor may get a 2xx from an editorial or admin route; a bad token is
 * 401, a good token without the editor role 403.
 */
public enum Caller {
    NO_TOKEN(401, () -> null),
    EXPIRED(401, () -> DevIssuer.forTests().expiredEditorToken("het-han")),
    NO_EXPIRY(401, () -> DevIssuer.forTests().editorTokenWithoutExpiry("vinh-vien")),
    BAD_SIGNATURE(401, DevIssuer::editorTokenWithAWrongSignature),
    OTHER_ISSUER(401, () -> DevIssuer.forTests().editorTokenFromIssuer("https://evil.example/realms/vn-portal")),
    OTHER_AUDIENCE(401, () -> DevIssuer.forTests().editorTokenForAudience("another-app")),
    READER(403, () -> DevIssuer.forTests().readerToken("doc-gia")),
    EDITOR(0, () -> DevIssuer.forTests().editorToken("bien-tap-vien"));

    /** Every caller that must be refused. */
    public static final List<Caller> REFUSED = List.of(NO_TOKEN, EXPIRED, NO_EXPIRY, BAD_SIGNATURE, OTHER_ISSUER,
            OTHER_AUDIENCE, READER);

    private final int refusal;
    private final Supplier<String> token;
    private String minted;

    Caller(int refusal, Supplier<String> token) {
        this.refusal = refusal;
        this.token = token;
    }

    /** 401 or 403; 0 for the editor. */
    public int refusal() {
        return refusal;
    }

    /** The bearer token, or null for {@link #NO_TOKEN}; minted once per run. */
    public synchronized String token() {
        if (minted == null && this != NO_TOKEN) {
            minted = token.get();
        }
        return minted;
    }

    /** The {@code Authorization} header line, or none. */
    public List<String> header() {
        String bearer = token();
        return bearer == null ? List.of() : List.of("Authorization: Bearer " + bearer);
    }
}
