package vn.portal.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What breaks a reader or a producer of an event between a released JSON Schema and the current
 * one of the same type version: a property removed or no longer required (readers rely on it), a
 * property newly required (producers' events would be refused), a type, const or enum changed, a
 * bound narrowed (maxLength, minLength, maximum, minimum, maxItems, minItems, pattern),
 * additionalProperties closed. Hand-written: no maintained Java library compares JSON Schema
 * 2020-12 documents for compatibility (openapi-diff compares OpenAPI documents only); this
 * covers the keywords our schemas use ({@code $ref} into {@code $defs}, properties, items).
 */
final class SchemaCompatibility {

    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maximum", "maxItems");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minimum", "minItems");
    private static final List<String> EXACT = List.of("type", "const", "enum", "pattern", "format");

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code released} to {@code current}, each with its location; empty if none. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> found = new ArrayList<>();
        compare(released, released, current, current, "", found, 0);
        return found;
    }

    private static void compare(JsonNode releasedRoot, JsonNode released, JsonNode currentRoot, JsonNode current,
                                String at, List<String> found, int depth) {
        if (depth > 32) {
            return;
        }
        released = resolve(releasedRoot, released);
        current = resolve(currentRoot, current);
        for (String keyword : EXACT) {
            if (released.has(keyword) && !sameValue(released.get(keyword), current.get(keyword))) {
                found.add(at(at) + ": " + keyword + " changed from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            if (current.has(keyword) && (!released.has(keyword)
                    || current.get(keyword).asDouble() < released.get(keyword).asDouble())) {
                found.add(at(at) + ": " + keyword + " narrowed from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        for (String keyword : LOWER_BOUNDS) {
            if (current.has(keyword) && (!released.has(keyword)
                    || current.get(keyword).asDouble() > released.get(keyword).asDouble())) {
                found.add(at(at) + ": " + keyword + " narrowed from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        if (!released.path("additionalProperties").isBoolean() || released.path("additionalProperties").asBoolean()) {
            if (current.path("additionalProperties").isBoolean() && !current.path("additionalProperties").asBoolean()) {
                found.add(at(at) + ": additionalProperties closed");
            }
        }
        Set<String> releasedRequired = names(released.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        for (String name : releasedRequired) {
            if (!currentRequired.contains(name)) {
                found.add(at(at + "/" + name) + ": no longer required");
            }
        }
        for (String name : currentRequired) {
            if (!releasedRequired.contains(name)) {
                found.add(at(at + "/" + name) + ": newly required");
            }
        }
        for (String name : released.path("properties").propertyNames()) {
            JsonNode now = current.path("properties").get(name);
            if (now == null) {
                found.add(at(at + "/" + name) + ": removed");
            } else {
                compare(releasedRoot, released.path("properties").get(name), currentRoot, now, at + "/" + name, found, depth + 1);
            }
        }
        if (released.has("items")) {
            if (!current.has("items")) {
                found.add(at(at + "[]") + ": items no longer described");
            } else {
                compare(releasedRoot, released.get("items"), currentRoot, current.get("items"), at + "[]", found, depth + 1);
            }
        }
    }

    /** A local {@code $ref} ("#/$defs/plainText") is compared as what it points at. */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        for (int hops = 0; hops < 8 && schema.has("$ref") && schema.get("$ref").asString().startsWith("#"); hops++) {
            schema = root.at(schema.get("$ref").asString().substring(1));
        }
        return schema;
    }

    /** Type lists and enums compare as sets ("type": ["integer", "null"] equals ["null", "integer"]). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isArray() && b.isArray()) {
            Set<JsonNode> left = new HashSet<>();
            a.forEach(left::add);
            Set<JsonNode> right = new HashSet<>();
            b.forEach(right::add);
            return left.equals(right);
        }
        return Objects.equals(a, b);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "(the event)" : pointer;
    }
}
