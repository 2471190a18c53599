package vn.portal.article.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * article-service's own settings ({@code articles.*} in application.yml).
 *
 * @param ownHosts         hosts of the portal itself: links to them are not marked {@code nofollow}
 * @param publicBaseUrl    where readers reach the API, for the links the editorial API answers with
 * @param readCacheMaxAge  how long browsers and proxies may reuse a read answer before revalidating
 * @param scheduler        the scheduled-publication poller
 * @param search           search limits
 */
@ConfigurationProperties("articles")
public record ArticleProperties(List<String> ownHosts, String publicBaseUrl, Duration readCacheMaxAge,
                                Scheduler scheduler, Search search) {

    public ArticleProperties {
        ownHosts = ownHosts == null ? List.of() : List.copyOf(ownHosts);
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        readCacheMaxAge = readCacheMaxAge == null ? Duration.ofSeconds(60) : readCacheMaxAge;
        scheduler = scheduler == null ? new Scheduler(true, Duration.ofSeconds(5), Duration.ofMinutes(1)) : scheduler;
        search = search == null ? new Search(500, 50) : search;
    }

    /**
     * @param enabled      poll for due drafts in this instance
     * @param pollInterval how often
     * @param lease        how long one instance holds a due draft before another may take it over
     */
    public record Scheduler(boolean enabled, Duration pollInterval, Duration lease) {
    }

    /**
     * @param maxCandidates how many matching articles (newest first) are ranked per query; also the
     *                      deepest a client may page ({@code page × size} below it)
     * @param maxPageSize   the largest page a client may ask for
     */
    public record Search(int maxCandidates, int maxPageSize) {
    }
}
