package vn.portal.devstack.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stored-XSS vectors of scenario R6 ({@code hostile/xss-vectors.txt}: the OWASP filter-evasion list and more). */
public final class XssVectors {

    private XssVectors() {
    }

    public static List<String> all() {
        try (InputStream in = XssVectors.class.getResourceAsStream("/hostile/xss-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .map(line -> line.replace("\\t", "\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
