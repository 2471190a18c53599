package vn.portal.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksTheWordsWhateverTheirDiacriticsAsOnePhrase() {
        assertThat(Highlight.mark("tổng kết công tác thi đua năm 2023", "thi dua"))
                .isEqualTo("tổng kết công tác <mark>thi đua</mark> năm 2023");
    }

    @Test
    void marksWholeWordsOnly() {
        assertThat(Highlight.mark("Thiên nhiên và thi ca", "thi")).isEqualTo("Thiên nhiên và <mark>thi</mark> ca");
    }

    @Test
    void escapesTheTextSoOnlyTheMarksAreMarkup() {
        assertThat(Highlight.mark("<img src=x onerror=alert(1)> thi đua", "thi"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; <mark>thi</mark> đua")
                .doesNotContain("<img");
    }

    @Test
    void marksNothingForAQueryWithoutWords() {
        assertThat(Highlight.mark("thi đua", "  --  ")).isEqualTo("thi đua");
        assertThat(Highlight.words("  --  ")).isEmpty();
    }
}
