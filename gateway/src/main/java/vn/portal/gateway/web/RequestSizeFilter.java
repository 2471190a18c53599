package vn.portal.gateway.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.portal.gateway.problem.Problems;

/**
 * Bounds request bodies before they reach a service: a declared {@code Content-Length} over the
 * limit is refused at once (413); a body without one (chunked) is counted while it streams and
 * fails with 413 as soon as it passes the limit.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final RequestSizeProperties properties;
    private final MethodPaths uploads;
    private final MethodPaths editorial;

    RequestSizeFilter(RequestSizeProperties properties) {
        this.properties = properties;
        this.uploads = MethodPaths.of(properties.uploads());
        this.editorial = MethodPaths.of(properties.editorial());
    }

    @Override
    public int getOrder() {
        return -400;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = uploads.matches(request) ? properties.uploadLimit()
                : editorial.matches(request) ? properties.editorialLimit()
                : properties.limit();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server holds the client to its Content-Length
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit)));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static String tooLarge(DataSize limit) {
        long kb = limit.toKilobytes();
        return "The request body may have at most " + (kb >= 1024 && kb % 1024 == 0 ? (kb / 1024) + " MB" : kb + " KB");
    }
}
