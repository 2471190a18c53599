package vn.portal.web.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.portal.web.support.PortalProperties;

/**
 * The gateway's public API, the only thing the portal reads. Answers are kept for a moment
 * ({@code portal.api-cache-ttl}, 2 s by default) so that a burst of readers costs the API one
 * call, and an update still shows within seconds; an image's sizes and forms, which never change,
 * for {@code portal.media-cache-ttl} (10 min). The reader's address goes along in
 * {@code X-Forwarded-For}, so the gateway limits each reader, not the portal.
 */
@Component
public class GatewayApi {

    private static final Logger log = LoggerFactory.getLogger(GatewayApi.class);

    private final RestClient http;
    private final Cache<String, Object> answers;
    private final Cache<String, Object> images;

    GatewayApi(RestClient.Builder builder, PortalProperties properties) {
        // HTTP/1.1 with kept-alive connections: no h2c upgrade attempt on every new connection
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.apiTimeout());
        this.http = builder.baseUrl(properties.gatewayUrl()).requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    forwardedFor().ifPresent(chain -> request.getHeaders().set("X-Forwarded-For", chain));
                    return execution.execute(request, body);
                })
                .build();
        this.answers = Caffeine.newBuilder().expireAfterWrite(properties.apiCacheTtl()).maximumSize(10_000).build();
        this.images = Caffeine.newBuilder().expireAfterWrite(properties.mediaCacheTtl()).maximumSize(10_000).build();
    }

    /** A published article by its slug or id; {@link NotFound} or {@link Gone} otherwise. */
    public Api.Article article(String slugOrId) {
        return cached("article:" + slugOrId, () -> http.get().uri("/api/articles/{s}", slugOrId)
                .retrieve().body(Api.Article.class));
    }

    public Api.ArticlePage articles(int page, int size, String category) {
        return cached("list:" + page + ":" + size + ":" + category, () -> http.get()
                .uri(b -> {
                    b.path("/api/articles").queryParam("page", page).queryParam("size", size);
                    if (category == null) {
                        return b.build();
                    }
                    return b.queryParam("category", "{category}").build(Map.of("category", category));
                })
                .retrieve().body(Api.ArticlePage.class));
    }

    public Api.ArticlePage search(String q, int page, int size) {
        return cached("search:" + page + ":" + size + ":" + q, () -> http.get()
                .uri(b -> b.path("/api/articles/search").queryParam("q", "{q}").queryParam("page", page)
                        .queryParam("size", size).build(q))
                .retrieve().body(Api.ArticlePage.class));
    }

    /** An image's sizes and forms; empty when media-service cannot say (the page shows the image without). */
    public Optional<Api.Media> media(String mediaId) {
        return optionalPart(images, "media:" + mediaId, () -> http.get().uri("/api/media/{id}", mediaId)
                .retrieve().body(Api.Media.class));
    }

    public Api.LibraryPage library(int page, int size) {
        return cached("library:" + page + ":" + size, () -> http.get()
                .uri(b -> b.path("/api/galleries").queryParam("page", page).queryParam("size", size).build())
                .retrieve().body(Api.LibraryPage.class));
    }

    public Api.Gallery gallery(String id) {
        return cached("gallery:" + id, () -> http.get().uri("/api/galleries/{id}", id)
                .retrieve().body(Api.Gallery.class));
    }

    private <T> T cached(String key, Supplier<T> call) {
        return cached(answers, key, call);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cached(Cache<String, Object> answers, String key, Supplier<T> call) {
        Object hit = answers.getIfPresent(key);
        if (hit != null) {
            return (T) hit;
        }
        T answer;
        try {
            answer = call.get();
        } catch (HttpClientErrorException.NotFound e) {
            throw new NotFound();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.GONE)) {
                throw new Gone();
            }
            throw new Unavailable(e);
        } catch (RestClientException e) {
            throw new Unavailable(e);
        }
        answers.put(key, answer);
        return answer;
    }

    /** A part of a page that the page can do without: empty on any failure, which is logged. */
    private static <T> Optional<T> optionalPart(Cache<String, Object> cache, String key, Supplier<T> call) {
        try {
            return Optional.ofNullable(cached(cache, key, call));
        } catch (RuntimeException e) {
            log.warn("{} left out of the page: {}", key, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The reader's address: the gateway tells it in {@code X-Client-Address} (its
     * {@code ForwardClientAddress} filter) on every request it routes here; a request that came
     * some other way is its peer's.
     */
    private static Optional<String> forwardedFor() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String reader = request.getHeader("X-Client-Address");
        return Optional.of(reader == null || reader.isBlank() ? request.getRemoteAddr() : reader.strip());
    }

    /** The API has no such article or gallery: the reader gets the 404 page. */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super(null, null, false, false);
        }
    }

    /** The article was withdrawn: the reader gets the 410 page. */
    public static final class Gone extends RuntimeException {
        Gone() {
            super(null, null, false, false);
        }
    }

    /** The API could not answer: the reader gets a polite 503 page. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
