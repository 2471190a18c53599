package vn.portal.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Đảng              | dang
            thi đua           | thi dua
            ĐỒNG CHÍ Kđăm     | dong chi kdam
            Ưu tiên ươm mầm   | uu tien uom mam
            """)
    void foldsDiacriticsAsSearchMatches(String text, String folded) {
        assertThat(VietnameseText.fold(text)).isEqualTo(folded);
    }

    @Test
    void foldsEachCharacterOfATextInNfcToOneKeepingPositions() {
        String title = "Khối Mặt trận tổng kết công tác thi đua ĐỒNG CHÍ";
        StringBuilder folded = new StringBuilder();
        title.chars().forEach(c -> folded.append(VietnameseText.fold((char) c)));

        assertThat(folded.toString()).isEqualTo(VietnameseText.fold(title)).hasSameSizeAs(title);
    }

    @Test
    void writesTheRatingLineAsTheSeedPageDoes() {
        assertThat(VietnameseText.ratingLine(4, 1)).isEqualTo("Tổng số điểm của bài viết là: 4 trong 1 đánh giá");
    }
}
