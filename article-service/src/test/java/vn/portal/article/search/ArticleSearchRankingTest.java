package vn.portal.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.portal.article.text.SearchFields;
import vn.portal.article.text.SearchText;

class ArticleSearchRankingTest {

    @Test
    void foldsVietnameseWords() {
        assertThat(SearchText.folded("Đảng bộ tỉnh Kon Tum: thi đua, Ưu tiên!"))
                .containsExactly("dang", "bo", "tinh", "kon", "tum", "thi", "dua", "uu", "tien");
        assertThat(SearchText.words("ĐẢNG Kon Tum")).containsExactly("đảng", "kon", "tum");
    }

    @Test
    void ranksExactTitleThenExactBodyThenFoldedTitleThenFoldedBody() {
        List<String> exact = SearchText.words("Đảng");
        List<String> folded = SearchText.fold(exact);

        assertThat(tier(SearchFields.of("Đảng bộ tỉnh", "nội dung"), exact, folded)).isZero();
        assertThat(tier(SearchFields.of("Hội nghị", "chủ trương của Đảng"), exact, folded)).isEqualTo(1);
        assertThat(tier(SearchFields.of("Đang cập nhật", "nội dung"), exact, folded)).isEqualTo(2);
        assertThat(tier(SearchFields.of("Hội nghị", "đang diễn ra"), exact, folded)).isEqualTo(3);
    }

    /** As the search ranks: whether the exact words are in the title or body is the database's answer. */
    private static int tier(SearchFields fields, List<String> exact, List<String> folded) {
        HashSet<String> titleOrBody = new HashSet<>(fields.titleWords());
        titleOrBody.addAll(fields.bodyWords());
        return ArticleSearch.tier(fields.titleWords(), fields.titleFolded(), titleOrBody.containsAll(exact), exact,
                folded);
    }
}
