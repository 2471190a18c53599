package vn.portal.devstack.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile HTTP of scenario R5 for one route: wrong types, missing and extra fields, MongoDB
 * operators, malformed and invalid-UTF-8 JSON, deep nesting, huge bodies, wrong content types,
 * path traversal, invalid percent-encoding and UTF-8 in the path and query, header injection,
 * request smuggling, unusual methods. Every one of them is invalid: a service must answer each
 * with a 4xx problem (a read may also answer 2xx when the hostile part is a query parameter it
 * ignores), never a 5xx, and store nothing.
 */
public final class HostileInputs {

    private static final String JSON = "Content-Type: application/json";

    /** Bodies that no endpoint accepts. */
    static final List<String[]> BODIES = List.of(
            new String[] {"wrong types", "{\"title\":123,\"bodyHtml\":[1],\"stars\":\"five\",\"caption\":{\"a\":1},"
                    + "\"publishAt\":true,\"tags\":\"tin\",\"credit\":[],\"alt\":false,\"note\":{}}"},
            new String[] {"missing fields", "{}"},
            new String[] {"mongodb operator", "{\"$gt\":\"\"}"},
            new String[] {"mongodb operators in fields", "{\"title\":{\"$gt\":\"\"},\"stars\":{\"$ne\":null},"
                    + "\"_id\":{\"$exists\":true},\"$where\":\"sleep(5000)\",\"caption\":{\"$regex\":\".*\"}}"},
            new String[] {"extra fields only", "{\"isAdmin\":true,\"__proto__\":{\"x\":1},\"_class\":\"java.lang.Runtime\"}"},
            new String[] {"malformed json", "{\"title\":"},
            new String[] {"json array", "[]"},
            new String[] {"json null", "null"},
            new String[] {"json string", "\"<script>alert(1)</script>\""},
            new String[] {"number overflow", "{\"stars\":1e999999,\"revision\":99999999999999999999999999}"},
            new String[] {"duplicate keys", "{\"stars\":1,\"stars\":{\"$gt\":0}}"});

    private HostileInputs() {
    }

    /** Everything R5 sends at {@code route}. */
    public static List<RawRequest> at(Route route) {
        String method = route.method().equals("*") ? "POST" : route.method();
        String path = route.path();
        List<RawRequest> requests = new ArrayList<>();
        // the target: traversal, invalid encodings, operators and injection in the query
        requests.add(RawRequest.of("encoded path traversal", method, route.pathWith("..%2F..%2F..%2Fetc%2Fpasswd"), List.of(), null));
        requests.add(RawRequest.of("dot segments", method, path + "/../../../../etc/passwd", List.of(), null));
        requests.add(RawRequest.of("double-encoded traversal", method, route.pathWith("%252e%252e%252f%252e%252e%252fetc"), List.of(), null));
        requests.add(RawRequest.of("invalid percent-encoding in the path", method, route.pathWith("%zz%"), List.of(), null));
        requests.add(RawRequest.of("invalid utf-8 in the path", method, route.pathWith("%ff%fe%fd"), List.of(), null));
        requests.add(RawRequest.of("overlong utf-8 dots", method, route.pathWith("%c0%ae%c0%ae%c0%af"), List.of(), null));
        requests.add(RawRequest.of("raw non-ascii byte in the path", method, route.pathWith("\u00ff\u00fe"), List.of(), null));
        requests.add(RawRequest.of("nul in the path", method, route.pathWith("a%00b"), List.of(), null));
        requests.add(RawRequest.of("invalid percent-encoding in the query", method, path + "?q=%zz%&page=%", List.of(), null));
        requests.add(RawRequest.of("invalid utf-8 in the query", method, path + "?q=%ff%fe%fd&size=%c0", List.of(), null));
        requests.add(RawRequest.of("mongodb operators in the query", method,
                path + "?q[$gt]=&id[$ne]=x&sort=$where&filter=%7B%22$gt%22:%22%22%7D&page=-1&size=2147483648", List.of(), null));
        requests.add(RawRequest.of("huge query", method, path + "?q=" + "%3C".repeat(6_000), List.of(), null));
        requests.add(RawRequest.of("header injection", method, path,
                List.of("X-Request-Id: r5\r\nSet-Cookie: injected=1", "X-Forwarded-Host: evil.example\r\nX-Injected: 1"), null));
        requests.add(RawRequest.of("control characters in a header", method, path, List.of("X-Request-Id: a\u0000b\u0007c"), null));
        requests.add(RawRequest.of("request smuggling", method, path,
                List.of(JSON, "Content-Length: 4", "Transfer-Encoding: chunked"), "0\r\n\r\nGET /api/admin/rebuild HTTP/1.1\r\n\r\n"));
        for (String unusual : List.of("TRACE", "PROPFIND", "FOO", "CONNECT")) {
            requests.add(RawRequest.of("method " + unusual, unusual, path, List.of(), null));
        }
        if (!route.takesABody()) {
            return requests;
        }
        for (String[] body : BODIES) {
            requests.add(RawRequest.of(body[0], method, path, List.of(JSON), body[1]));
        }
        requests.add(new RawRequest("invalid utf-8 in json", method, path, List.of(JSON + "; charset=UTF-8"),
                bytes("{\"title\":\"", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xaf}, "\",\"stars\":4}")));
        requests.add(RawRequest.of("deep nesting", method, path, List.of(JSON), "[".repeat(20_000) + "]".repeat(20_000)));
        requests.add(RawRequest.of("huge body", method, path, List.of(JSON),
                "{\"title\":\"" + "< ".repeat(1_600_000) + "\"}"));
        requests.add(RawRequest.of("wrong content type", method, path, List.of("Content-Type: text/plain"), "stars=5"));
        requests.add(RawRequest.of("xml", method, path, List.of("Content-Type: application/xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"));
        requests.add(RawRequest.of("form", method, path, List.of("Content-Type: application/x-www-form-urlencoded"),
                "title[$gt]=&stars=5"));
        requests.add(RawRequest.of("broken multipart", method, path,
                List.of("Content-Type: multipart/form-data; boundary=zzz"), "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.jpg\"\r\n\r\nGIF89a"));
        return requests;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
