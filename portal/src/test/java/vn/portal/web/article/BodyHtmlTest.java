package vn.portal.web.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.web.gateway.Api;

class BodyHtmlTest {

    private static final String FIRST = "/api/media/m1/w1024";
    private static final String SECOND = "/api/media/m2/w1024";
    private static final List<Api.Image> IMAGES = List.of(
            new Api.Image("m1", FIRST, "Toàn cảnh Hội nghị.", "Toàn cảnh", "Thái Hoàn"),
            new Api.Image("m2", SECOND, "Ký kết giao ước.", "Ký kết", null));
    private static final String BODY = "<figure><img src=\"" + FIRST + "\" alt=\"Toàn cảnh\"><figcaption>Toàn cảnh Hội nghị.</figcaption></figure>"
            + "<p>Nội dung</p><figure><img src=\"" + SECOND + "\"><figcaption>Ký kết giao ước.</figcaption></figure>";

    @Test
    void makesEveryPhotoResponsiveWithItsSizeAndLoadsAllButTheFirstLazily() {
        String html = BodyHtml.render(BODY, IMAGES, Map.of("m1", media("m1", 1600, 1067), "m2", media("m2", 800, 533)));

        assertThat(html).contains("srcset=\"/api/media/m1/w320 320w, /api/media/m1/w640 640w, /api/media/m1/w1024 1024w, /api/media/m1/w1600 1600w\"")
                .contains("width=\"1024\" height=\"683\"")
                // a small image: w1024 and w1600 are its own 800 px, listed once
                .contains("srcset=\"/api/media/m2/w320 320w, /api/media/m2/w640 640w, /api/media/m2/w1024 800w\"")
                .contains("href=\"/api/media/m1/w1600\"");
        assertThat(html.indexOf("loading=\"lazy\"")).isGreaterThan(html.indexOf(SECOND.substring(0, 12) + "m2"));
        assertThat(html.split("loading=\"lazy\"", -1)).hasSize(2);
    }

    @Test
    void givesAPhotoWithoutAltTheArticlesAltText() {
        String html = BodyHtml.render(BODY, IMAGES, Map.of());

        assertThat(html).contains("alt=\"Ký kết\"").doesNotContain("srcset");
    }

    @Test
    void runsNothingThatSlippedPastTheServicesSanitizer() {
        String html = BodyHtml.render("<p onclick=\"alert(1)\">Tin</p><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\">x</a><img src=x onerror=alert(4)><iframe src=\"//evil\"></iframe>", List.of(), Map.of());

        assertThat(html).doesNotContain("onclick", "<script", "javascript:", "onerror", "<iframe").contains("<p>Tin</p>");
    }

    private static Api.Media media(String id, int width, int height) {
        List<Api.Rendition> renditions = List.of(320, 640, 1024, 1600).stream().map(w -> {
            int shown = Math.min(w, width);
            return new Api.Rendition("w" + w, shown, Math.round((float) height * shown / width), "/api/media/" + id + "/w" + w);
        }).toList();
        return new Api.Media(id, width, height, null, null, null, renditions);
    }
}
