package vn.portal.devstack.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What in a piece of HTML a browser would run: script-capable elements, event handler attributes,
 * URLs with a script scheme (after the browser's own decoding: entities, and the control
 * characters and spaces it strips), CSS expressions and bindings. Parsed with jsoup the way a
 * browser parses, so a vector that only looks harmless as text is caught where it becomes markup.
 */
public final class Executable {

    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "base", "meta", "link", "style", "svg", "math", "form", "button", "input", "textarea",
            "select", "keygen", "isindex", "xss", "template", "portal");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "background",
            "dynsrc", "lowsrc", "xlink:href", "poster", "srcset", "codebase", "cite", "longdesc", "usemap", "srcdoc");

    private Executable() {
    }

    /** Each executable construct found, e.g. {@code <img onerror>}; empty when there is none. */
    public static List<String> in(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<String> found = new ArrayList<>();
        for (Element element : document.body().getAllElements()) {
            String tag = element.normalName();
            if (ACTIVE_ELEMENTS.contains(tag)) {
                found.add("<" + tag + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = normalized(attribute.getValue());
                if (name.startsWith("on")) {
                    found.add("<" + tag + " " + name + ">");
                } else if (URL_ATTRIBUTES.contains(name) && (name.equals("srcdoc") || scriptUrl(attribute.getValue()))) {
                    found.add("<" + tag + " " + name + "=" + value + ">");
                } else if (name.equals("style") && (value.contains("expression(") || value.contains("javascript:")
                        || value.contains("binding") || value.contains("url(") || value.contains("\\"))) {
                    found.add("<" + tag + " style=" + value + ">");
                }
            }
        }
        return found;
    }

    /**
     * Whether a browser would take the URL (each of a srcset's) as a script: its scheme, read as the
     * URL standard does (leading and trailing controls and spaces stripped, tabs and newlines
     * removed anywhere), is javascript, vbscript, or data with an HTML or SVG type. A value that
     * merely contains "javascript:" further in is a relative path, not a script.
     */
    private static boolean scriptUrl(String value) {
        for (String candidate : value.split(",")) {
            String url = candidate.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "")
                    .toLowerCase(Locale.ROOT);
            if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:text/html")
                    || url.startsWith("data:image/svg")) {
                return true;
            }
        }
        return false;
    }

    /** As a browser reads a CSS value: lower case, without the control characters and spaces it ignores. */
    private static String normalized(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c > ' ' ) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
