package vn.portal.article.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.portal.article.config.ArticleProperties;
import vn.portal.devstack.Articles;

class BodySanitizerTest {

    private final BodySanitizer sanitizer = new BodySanitizer(
            new ArticleProperties(List.of("portal.vn"), "", Duration.ofSeconds(60), null, null));

    @Test
    void keepsTheSeedArticleBodyByteForByte() {
        String body = Articles.seedArticle().bodyHtml();

        assertThat(sanitizer.sanitize(body).html()).isEqualTo(body);
    }

    @Test
    void removesScriptsStylesIframesAndForms() {
        String html = sanitizer.sanitize("""
                <p>Trước</p><script>alert(1)</script><style>p{color:red}</style>
                <iframe src="https://evil.example/"></iframe>
                <form action="/steal"><input name="x"><button>Gửi</button></form><p>Sau</p>""").html();

        assertThat(html).doesNotContain("script", "alert", "style", "color", "iframe", "evil", "form", "input",
                "button").contains("<p>Trước</p>", "<p>Sau</p>");
    }

    @Test
    void removesEventHandlersStyleAttributesAndUnsafeUrls() {
        String html = sanitizer.sanitize("""
                <p onclick="steal()" style="position:fixed">Đoạn văn</p>
                <a href="javascript:alert(1)">liên kết xấu</a>
                <img src="data:image/png;base64,iVBORw0KGgo=" alt="ảnh nhúng">
                <img src="x" onerror="alert(2)">
                <a href="  JaVaScRiPt:alert(3)">hoa thường</a>""").html();

        assertThat(html).doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript")
                .doesNotContain("style", "data:", "onerror", "alert", "position")
                .contains("<p>Đoạn văn</p>", "liên kết xấu", "hoa thường");
    }

    @Test
    void keepsWhatAnArticleNeeds() {
        String body = "<h2>Tiêu đề phụ</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p>"
                + "<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích dẫn</blockquote>"
                + "<table><thead><tr><th>Năm</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>"
                + "<figure><img src=\"/api/media/abc/w1024\" alt=\"Toàn cảnh\"><figcaption>Toàn cảnh.</figcaption></figure>";

        assertThat(sanitizer.sanitize(body).html()).isEqualTo(body);
    }

    @Test
    void marksLinksToOutsideHostsNoopenerNofollow() {
        String html = sanitizer.sanitize("<p><a href=\"https://example.com/x\">ngoài</a> "
                + "<a href=\"https://www.portal.vn/tin\">trong</a> <a href=\"/api/articles/abc\">tương đối</a></p>").html();

        assertThat(html).contains("<a href=\"https://example.com/x\" rel=\"noopener nofollow\">ngoài</a>")
                .contains("<a href=\"https://www.portal.vn/tin\">trong</a>")
                .contains("<a href=\"/api/articles/abc\">tương đối</a>");
    }

    @Test
    void replacesARelGivenByTheSender() {
        String html = sanitizer.sanitize("<a href=\"https://example.com\" rel=\"opener\" target=\"_top\">x</a>").html();

        assertThat(html).isEqualTo("<a href=\"https://example.com\" rel=\"noopener nofollow\">x</a>");
    }

    @Test
    void findsNothingReadableInABodyOfOnlyAScript() {
        assertThat(sanitizer.sanitize("<script>alert(1)</script><iframe src=x></iframe>").readable()).isFalse();
        assertThat(sanitizer.sanitize("<figure><img src=\"/api/media/a/w1024\"></figure>").readable()).isTrue();
    }

    @Test
    void takesLongBodiesInReasonableTime() {
        String body = "<p>Khối Mặt trận và các tổ chức chính trị xã hội tỉnh Kon Tum.</p>".repeat(10_000);

        long started = System.nanoTime();
        sanitizer.sanitize(body);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
