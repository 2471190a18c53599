package vn.portal.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stand-ins for article-, rating- and media-service: HTTP servers that answer
 * {@code "<service> <METHOD> <path>"} and show what reached them in {@code Seen-*} response
 * headers (request id, voter id and signature, Authorization, body length). {@code /v3/api-docs}
 * answers a small OpenAPI document naming the service's own address. A request with
 * {@code Stand-In-Delay: <ms>} is answered that much later, one with {@code Stand-In-Status: <code>}
 * with that status (and the usual body); a path containing {@code flaky} fails (503) the first
 * time it is asked for. {@code Seen-Calls} counts the requests for each path.
 */
final class StandInServices implements AutoCloseable {

    static final List<String> NAMES = List.of("article-service", "rating-service", "media-service", "portal");
    private static StandInServices shared;

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();

    private StandInServices() {
        NAMES.forEach(name -> servers.put(name, start(name)));
    }

    /** One set for every test class that shares the default gateway context. */
    static synchronized StandInServices shared() {
        if (shared == null) {
            shared = new StandInServices();
        }
        return shared;
    }

    static StandInServices startNew() {
        return new StandInServices();
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> url("article-service"));
        registry.add("RATING_SERVICE_URL", () -> url("rating-service"));
        registry.add("MEDIA_SERVICE_URL", () -> url("media-service"));
        registry.add("PORTAL_URL", () -> url("portal"));
    }

    String url(String service) {
        return "http://127.0.0.1:" + servers.get(service).getAddress().getPort();
    }

    void stop(String service) {
        servers.get(service).stop(0);
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    private HttpServer start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                long received;
                try (InputStream body = exchange.getRequestBody()) {
                    received = body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String path = exchange.getRequestURI().toString();
                int call = calls.computeIfAbsent(name + path, key -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
                String delay = exchange.getRequestHeaders().getFirst("Stand-In-Delay");
                if (delay != null) {
                    try {
                        Thread.sleep(Long.parseLong(delay));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                var seen = exchange.getResponseHeaders();
                copy(exchange.getRequestHeaders().getFirst("X-Request-Id"), "Seen-Request-Id", seen);
                copy(exchange.getRequestHeaders().getFirst("X-Voter-Id"), "Seen-Voter-Id", seen);
                copy(exchange.getRequestHeaders().getFirst("X-Voter-Signature"), "Seen-Voter-Signature", seen);
                copy(exchange.getRequestHeaders().getFirst("Authorization"), "Seen-Authorization", seen);
                copy(exchange.getRequestHeaders().getFirst("X-Client-Address"), "Seen-Client-Address", seen);
                seen.set("Seen-Body-Length", Long.toString(received));
                seen.set("Seen-Calls", Integer.toString(call));
                seen.set("X-Request-Id", "echoed-by-the-service"); // the gateway's id wins
                byte[] answer;
                if (path.equals("/v3/api-docs")) {
                    seen.set("Content-Type", "application/json");
                    answer = ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},"
                            + "\"servers\":[{\"url\":\"" + url(name) + "\"}],\"paths\":{}}")
                            .getBytes(StandardCharsets.UTF_8);
                } else if (path.contains("flaky") && call == 1) {
                    answer = new byte[0];
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                } else {
                    seen.set("Content-Type", "text/plain; charset=utf-8");
                    answer = (name + " " + exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
                }
                String status = exchange.getRequestHeaders().getFirst("Stand-In-Status");
                exchange.sendResponseHeaders(status != null ? Integer.parseInt(status) : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String value, String name, com.sun.net.httpserver.Headers headers) {
        if (value != null) {
            headers.set(name, value);
        }
    }
}
