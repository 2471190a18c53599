package vn.portal.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what, as "METHOD /pattern" entries ({@code *} for any method). {@code editorPaths}
 * need the editor role for every method; {@code publicWrites} are the writes anyone may make
 * (voting). Reads (GET, HEAD) are public; any other write needs the editor role, so a new
 * editorial endpoint in a service is closed until it is listed here.
 */
@ConfigurationProperties("gateway.security")
record AccessProperties(List<String> editorPaths, List<String> publicWrites) {

    AccessProperties {
        editorPaths = editorPaths == null ? List.of() : editorPaths;
        publicWrites = publicWrites == null ? List.of() : publicWrites;
    }
}
