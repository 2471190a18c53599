package vn.portal.devstack;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI documents committed under {@code docs/openapi/}: what a running service serves at
 * {@code /v3/api-docs} must be the committed file. With {@code -Dopenapi.write=true} the file is
 * written from what the service serves instead (pretty-printed, keys in order), to be committed.
 */
public final class OpenApiDocuments {

    public static final String WRITE = "openapi.write";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private OpenApiDocuments() {
    }

    /** {@code docs/openapi/<service>.json} in the repository (the working directory is a module's). */
    public static Path committed(String service) {
        return repositoryRoot().resolve("docs/openapi").resolve(service + ".json");
    }

    public static String pretty(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER));
        return JSON.writer().with(printer).writeValueAsString(document) + "\n";
    }

    /** Fetches {@code /v3/api-docs} from the service on {@code port} and compares it with the committed file. */
    public static void assertServesTheCommittedDocument(String service, int port) {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (served.statusCode() != 200) {
                fail(service + " answered /v3/api-docs with " + served.statusCode());
            }
            assertServedIsCommitted(service, served.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails, naming the first differences and how to regenerate, unless served equals committed. */
    public static void assertServedIsCommitted(String service, String served) {
        JsonNode servedTree = JSON.readTree(served);
        Path file = committed(service);
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, pretty(servedTree), StandardCharsets.UTF_8);
                return;
            }
            String regenerate = "; if the change is intended, regenerate it with\n  mvn -B -ntp -pl " + service
                    + " -am verify -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE
                    + "=true\nand commit it (a breaking change also needs a new major platform.api.version)";
            if (!Files.exists(file)) {
                fail(file + " is missing" + regenerate);
            }
            JsonNode committedTree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<String> differences = new ArrayList<>();
            differences(committedTree, servedTree, "", differences);
            if (!differences.isEmpty()) {
                fail(service + " serves an OpenAPI document that differs from " + file + " at "
                        + String.join(", ", differences) + regenerate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON pointers where the two trees differ, at most ten. */
    static void differences(JsonNode committed, JsonNode served, String pointer, List<String> found) {
        if (found.size() >= 10 || committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new LinkedHashSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    found.add(child + " (only served)");
                } else if (!served.has(name)) {
                    found.add(child + " (only committed)");
                } else {
                    differences(committed.get(name), served.get(name), child, found);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> a = committed.iterator();
            Iterator<JsonNode> b = served.iterator();
            for (int i = 0; a.hasNext(); i++) {
                differences(a.next(), b.next(), pointer + "/" + i, found);
            }
        } else {
            found.add(pointer.isEmpty() ? "/" : pointer);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("docs")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (with docs/ and pom.xml) above " + dir);
    }
}
