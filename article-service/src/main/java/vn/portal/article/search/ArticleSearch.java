package vn.portal.article.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.portal.article.config.ArticleProperties;
import vn.portal.article.read.Article;
import vn.portal.article.text.SearchFields;
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
 * <p>The trade-off: ranking happens on at most {@code maxCandidates} newest matches, so for a
 * very common word an older exact title match beyond them is not found; paging is over the ranked
 * candidates. Real MongoDB could use a multikey index on {@code search.tokens} to find the
 * candidates; the wire server scans. A search engine (or Atlas Search) would rank properly at
 * scale; this keeps the platform on one database.
 */
@Component
public class ArticleSearch {

    static final int MAX_QUERY_WORDS = 10;

    private final MongoTemplate mongo;
    private final int maxCandidates;

    ArticleSearch(MongoTemplate mongo, ArticleProperties properties) {
        this.mongo = mongo;
        this.maxCandidates = properties.search().maxCandidates();
    }

    /**
     * @param total how many articles match (the ranked ones are at most {@code maxCandidates})
     */
    public record Result(List<Hit> hits, long total) {
    }

    /** @param tier 0 (every word as typed in the title) to 3 (every folded word somewhere) */
    public record Hit(Article article, int tier) {
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
        List<String> folded = SearchText.fold(words);
        Criteria criteria = Criteria.where("status").is(Article.Status.PUBLISHED).and("search.tokens").all(folded);
        if (category != null && !category.isBlank()) {
            criteria = criteria.and("category").is(category);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")));
        query.fields().exclude("bodyHtml", "corrections");
        long total = mongo.count(Query.query(criteria), Article.class);
        List<String> exact = words;
        List<Hit> candidates = new ArrayList<>(mongo.find(query.limit(maxCandidates), Article.class).stream()
                .map(article -> new Hit(article, tier(article.search(), exact, folded))).toList());
        candidates.sort(Comparator.comparingInt(Hit::tier)); // stable: newest first within a tier
        int from = Math.min(page * size, candidates.size());
        int to = Math.min(from + size, candidates.size());
        return new Result(List.copyOf(candidates.subList(from, to)), total);
    }

    /** 0 is best; see the class comment. */
    static int tier(SearchFields fields, List<String> exact, List<String> folded) {
        if (fields == null) {
            return 3;
        }
        Set<String> titleWords = new HashSet<>(fields.titleWords());
        if (titleWords.containsAll(exact)) {
            return 0;
        }
        Set<String> allWords = new HashSet<>(titleWords);
        allWords.addAll(fields.bodyWords());
        if (allWords.containsAll(exact)) {
            return 1;
        }
        if (new HashSet<>(fields.titleFolded()).containsAll(folded)) {
            return 2;
        }
        return 3;
    }
}
