package vn.portal.platform.slug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Khối Mặt trận và các tổ chức chính trị xã hội tỉnh tổng kết công tác thi đua | khoi-mat-tran-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-tong-ket-cong-tac-thi-dua
            Đảng bộ tỉnh Đắk Lắk                 | dang-bo-tinh-dak-lak
            ĐỒNG CHÍ Y Ngông Niê Kđăm             | dong-chi-y-ngong-nie-kdam
            Kon Tum: 8.000 hội viên mới (2023)!   | kon-tum-8-000-hoi-vien-moi-2023
            Hội nghị — tổng kết “thi đua”         | hoi-nghi-tong-ket-thi-dua
            Ưu tiên ươm mầm ở Quảng Ngãi          | uu-tien-uom-mam-o-quang-ngai
            Crème brûlée ở Huế                    | creme-brulee-o-hue
            Tin tức - Sự kiện                     | tin-tuc-su-kien
            """)
    void foldsVietnameseTitlesIntoSlugs(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            !!!   | bai-viet
            ---   | bai-viet
            """)
    void givesAnArticleWithoutLettersAGenericSlug(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @org.junit.jupiter.api.Test
    void cutsALongTitleAtAWordBoundary() {
        String slug = Slugs.of("Ủy ban nhân dân tỉnh Kon Tum tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2023 và triển khai nhiệm vụ năm 2024");

        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-")
                .isEqualTo("uy-ban-nhan-dan-tinh-kon-tum-to-chuc-hoi-nghi-tong-ket-cong-tac-thi-dua-khen");
    }
}
