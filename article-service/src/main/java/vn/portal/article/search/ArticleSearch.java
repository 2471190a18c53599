package vn.portal.article.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.read.Article;
import vn.portal.article.text.SearchText;

/**
 * Diacritic-insensitive search without {@code $text}, the same on the MongoDB-wire server and on
 * real MongoDB. The query's words are folded ({@code "Đảng"} → {@code "dang"}) and matched with
 * {@code $all} against {@code search.tokens}, the folded words each article stores; the newest
 * {@code maxCandidates} matches are then ranked here, in Java:
 *
 * <ol>
 *   <li>every word with its exact diacritics in the title,</li>
 *   <li>every word with its exact diacritics in the title or body,</li>
 *   <li>every folded word in the title,</li>
 *   <li>every folded word somewhere (title and body),</li>
 * </ol>
 * newest first within each tier. Exactness comes first because Vietnamese diacritics change the
 * word: a reader who types "Đảng" (the Party) does not mean "đang" (currently).
 *
 * <p>This is a public endpoint, so a search holds little: the candidates come with their id and
 * their title words only; which of them have every exact word in the title or body is asked of the
 * database (one query answering ids), never by loading the body words; and only the page shown is
 * read with what it shows.
 *
 * <p>The trade-off: ranking happens on at most {@code maxCandidates} newest matches, so for a
 * very common word an older exact title match beyond them is not found; paging is over the ranked
 * candidates. Real MongoDB could use a multikey index on {@code search.tokens} to find the
 * candidates; the wire server scans. A search engine (or Atlas Search) would rank properly at
 * scale; this keeps the platform on one database.
 */
@Component
public class ArticleSearch {

    static final int MAX_QUERY_WORDS = 10;
    private static final String ARTICLES = "articles";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;
    private final int maxCandidates;

    ArticleSearch(MongoTemplate mongo, ArticleProperties properties) {
        this.mongo = mongo;
        this.maxCandidates = properties.search().maxCandidates();
    }

    /** How many matches are ranked: a page starting at or beyond this is always empty. */
    public int maxCandidates() {
        return maxCandidates;
    }

    /**
     * @param total how many articles match (the ranked ones are at most {@code maxCandidates})
     */
    public record Result(List<Hit> hits, long total) {
    }

    /** @param tier 0 (every word as typed in the title) to 3 (every folded word somewhere) */
    public record Hit(Article article, int tier) {
    }

    /** A matching article as ranking reads it: its id and its title's words. */
    record Candidate(@Id String id, TitleWords search) {
    }

    record TitleWords(List<String> titleWords, List<String> titleFolded) {
    }

    /** @throws IllegalArgumentException when the query has no word to look for */
    public Result search(String q, String category, int page, int size) {
        List<String> words = SearchText.words(q);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the query has no words");
        }
        if (words.size() > MAX_QUERY_WORDS) {
            words = words.subList(0, MAX_QUERY_WORDS);
        }
        List<String> exact = words;
        List<String> folded = SearchText.fold(words);
        Criteria criteria = Criteria.where("status").is(Article.Status.PUBLISHED).and("search.tokens").all(folded);
        if (category != null && !category.isBlank()) {
            criteria = criteria.and("category").is(category);
        }
        long total = mongo.count(Query.query(criteria), Article.class);
        long from = (long) page * size;
        if (total == 0 || from >= Math.min(total, maxCandidates)) {
            return new Result(List.of(), total);
        }
        Query candidatesQuery = Query.query(criteria).with(NEWEST_FIRST).limit(maxCandidates);
        candidatesQuery.fields().include("_id", "search.titleWords", "search.titleFolded");
        List<Candidate> candidates = mongo.find(candidatesQuery, Candidate.class, ARTICLES);
        Set<String> exactSomewhere = exactInTitleOrBody(candidates, exact);
        List<RankedId> ranked = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            TitleWords title = candidate.search();
            ranked.add(new RankedId(candidate.id(), tier(title == null ? null : title.titleWords(),
                    title == null ? null : title.titleFolded(), exactSomewhere.contains(candidate.id()), exact,
                    folded)));
        }
        ranked.sort(Comparator.comparingInt(RankedId::tier)); // stable: newest first within a tier
        if (from >= ranked.size()) {
            return new Result(List.of(), total);
        }
        List<RankedId> shown = ranked.subList((int) from, (int) Math.min(from + size, ranked.size()));
        return new Result(load(shown), total);
    }

    private record RankedId(String id, int tier) {
    }

    /**
     * The candidates with every exact word in the title or the body: asked of the database, so that
     * no body words are loaded here. Those with every word in the title need not be asked about.
     */
    private Set<String> exactInTitleOrBody(List<Candidate> candidates, List<String> exact) {
        List<String> ask = candidates.stream()
                .filter(c -> c.search() == null || c.search().titleWords() == null
                        || !new HashSet<>(c.search().titleWords()).containsAll(exact))
                .map(Candidate::id).toList();
        if (ask.isEmpty()) {
            return Set.of();
        }
        List<Criteria> everyWord = new ArrayList<>();
        everyWord.add(Criteria.where("_id").in(ask));
        for (String word : new LinkedHashSet<>(exact)) {
            everyWord.add(new Criteria().orOperator(Criteria.where("search.titleWords").is(word),
                    Criteria.where("search.bodyWords").is(word)));
        }
        Query query = Query.query(new Criteria().andOperator(everyWord));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        for (Candidate found : mongo.find(query, Candidate.class, ARTICLES)) {
            ids.add(found.id());
        }
        return ids;
    }

    /** The page's articles with what a hit shows (no body, no search words), in the ranked order. */
    private List<Hit> load(List<RankedId> shown) {
        Query query = Query.query(Criteria.where("_id").in(shown.stream().map(RankedId::id).toList()));
        query.fields().exclude("bodyHtml", "corrections", "search");
        Map<String, Article> byId = new HashMap<>();
        for (Article article : mongo.find(query, Article.class)) {
            byId.put(article.id(), article);
        }
        List<Hit> hits = new ArrayList<>(shown.size());
        for (RankedId ranked : shown) {
            Article article = byId.get(ranked.id());
            if (article != null) { // withdrawn in between: left out
                hits.add(new Hit(article, ranked.tier()));
            }
        }
        return hits;
    }

    /**
     * 0 is best; see the class comment.
     *
     * @param exactInTitleOrBody whether every exact word is in the title or the body
     */
    static int tier(List<String> titleWords, List<String> titleFolded, boolean exactInTitleOrBody,
                    List<String> exact, List<String> folded) {
        if (titleWords != null && new HashSet<>(titleWords).containsAll(exact)) {
            return 0;
        }
        if (exactInTitleOrBody) {
            return 1;
        }
        if (titleFolded != null && new HashSet<>(titleFolded).containsAll(folded)) {
            return 2;
        }
        return 3;
    }
}
