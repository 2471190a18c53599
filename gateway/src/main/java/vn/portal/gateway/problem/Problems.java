package vn.portal.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details for the errors the gateway produces itself, shaped like the services'
 * ({@code type} {@code https://portal.vn/problems/<slug>}), plus the request id to quote.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://portal.vn/problems/";
    /** Exchange attribute holding this request's id (set by the outermost filter). */
    public static final String REQUEST_ID_ATTRIBUTE = Problems.class.getName() + ".requestId";
    /** Exchange attribute holding the path the client asked for, before any rewrite or forward. */
    public static final String PATH_ATTRIBUTE = Problems.class.getName() + ".path";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return write(exchange, status, slug, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail,
                                   Map<String, String> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty(); // too late to say anything; the connection will show the failure
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        Object path = exchange.getAttribute(PATH_ATTRIBUTE);
        problem.put("instance", path != null ? path : exchange.getRequest().getPath().value());
        Object requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        // an upstream answer may have started filling the headers before it failed
        responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
        responseHeaders.remove(HttpHeaders.TRANSFER_ENCODING);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLength(body.length);
        responseHeaders.setCacheControl("no-store");
        headers.forEach(responseHeaders::set);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
