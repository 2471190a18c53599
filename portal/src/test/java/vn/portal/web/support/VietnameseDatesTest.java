package vn.portal.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-31T10:00:00+07:00 | Thứ Tư, 31/01/2024 10:00
            2024-01-31T03:00:00Z      | Thứ Tư, 31/01/2024 10:00
            2024-02-04T23:30:00+07:00 | Chủ Nhật, 04/02/2024 23:30
            2024-02-04T17:00:00Z      | Thứ Hai, 05/02/2024 00:00
            """)
    void printsTheDateAsVietnameseReadersWriteItInThePortalsZone(String at, String printed) {
        assertThat(VietnameseDates.dateTime(OffsetDateTime.parse(at))).isEqualTo(printed);
    }

    @Test
    void writesMachineDatesInThePortalsZone() {
        assertThat(VietnameseDates.iso(OffsetDateTime.parse("2024-01-31T03:00:00Z"))).isEqualTo("2024-01-31T10:00:00+07:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tin tức - Sự kiện      | /chuyen-muc/tin-tuc-su-kien
            Văn hóa - Xã hội       | /chuyen-muc/van-hoa-xa-hoi
            """)
    void givesEachSectionAReadableAddress(String name, String path) {
        assertThat(Categories.of(name).path()).isEqualTo(path);
    }
}
