package vn.portal.article.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.article.config.ArticleProperties;
import vn.portal.contracts.ArticleImage;
import vn.portal.contracts.ArticlePublished;
import vn.portal.devstack.Articles;
import vn.portal.platform.events.InvalidEventException;

class ArticleRulesTest {

    private final ArticleRules rules = new ArticleRules(new BodySanitizer(
            new ArticleProperties(List.of("portal.vn"), "", Duration.ofSeconds(60), null, null)));

    @Test
    void acceptsTheSeedArticleUnchanged() {
        ArticlePublished seed = Articles.seedArticle();

        ArticleRules.Accepted accepted = rules.check(seed);

        assertThat(accepted.event()).isEqualTo(seed);
        assertThat(accepted.bodyText()).contains("thu hút, kết nạp mới được trên 8.000 hội viên");
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "—!?", "\u00a0\u2003"})
    void refusesATitleWithoutWords(String title) {
        assertThatThrownBy(() -> rules.check(with(title, "<p>x</p>")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("title is empty");
    }

    @Test
    void refusesMarkupInTheTitle() {
        assertThatThrownBy(() -> rules.check(with("Tin <img src=x onerror=alert(1)>", "<p>x</p>")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("title contains HTML markup");
    }

    @Test
    void refusesAnOverlongTitle() {
        assertThatThrownBy(() -> rules.check(with("Tin ".repeat(100), "<p>x</p>")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("title is longer than 300");
    }

    @Test
    void refusesABodyThatIsEmptyOnceSanitized() {
        assertThatThrownBy(() -> rules.check(with("Tin hợp lệ", "<script>alert(1)</script><p> </p>")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("body is empty after sanitizing");
    }

    @Test
    void refusesAnImageWithAScriptUrl() {
        ArticlePublished seed = Articles.seedArticle();
        ArticlePublished event = new ArticlePublished(seed.articleId(), 1, null, "Tin", null, "<p>x</p>",
                List.of(new ArticleImage(null, "javascript:alert(1)", "Chú thích", "alt", null)), null, null, null, "vi",
                seed.publishedAt(), seed.updatedAt(), null);

        assertThatThrownBy(() -> rules.check(event))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("image URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tin <img src=x onerror=alert(1)", "Tin </b", "Tin <!-- x", "a<b"})
    void refusesWhatTheContractCallsMarkupEvenWithoutAClosingBracket(String title) {
        assertThatThrownBy(() -> rules.check(with(title, "<p>x</p>")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("title contains HTML markup");
        assertThat(rules.check(with("Nhiệt độ < 5 độ C", "<p>x</p>")).event().title()).isEqualTo("Nhiệt độ < 5 độ C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x.png", " https://portal.vn/x.png", "HTTPS://portal.vn/x.png",
            "data:image/png;base64,AAAA", "api/media/x"})
    void refusesAnImageUrlTheContractRefuses(String url) {
        assertThatThrownBy(() -> rules.check(withImage(url)))
                .isInstanceOf(ArticleRules.Refused.class).hasMessageContaining("image URL")
                .extracting(e -> ((ArticleRules.Refused) e).reason()).asString().startsWith("image URL");
        assertThat(ArticleRules.isLoadable(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/media/abc/w1024", "https://portal.vn/x.png", "http://example.com/a.jpg"})
    void acceptsAnImageUrlOfThePortalOrHttp(String url) {
        assertThat(rules.check(withImage(url)).event().images()).hasSize(1);
    }

    @Test
    void sanitizesTheBodyOfAnAcceptedEvent() {
        ArticlePublished event = with("Tin", "<p onclick=\"x()\">Nội dung</p><script>alert(1)</script>");

        assertThat(rules.check(event).event().bodyHtml()).isEqualTo("<p>Nội dung</p>");
    }

    static Stream<Arguments> hostileTexts() {
        int size = 2 * 1024 * 1024;
        return Stream.of(
                arguments("'<' then spaces", "<" + " ".repeat(size), null),
                arguments("'< /' then spaces", "< /" + " ".repeat(size), null),
                arguments("'< a' over and over, never closed", "< a".repeat(size / 3), null),
                arguments("'< a' over and over, closed at the end", "< a".repeat(size / 3) + ">", "contains HTML markup"),
                arguments("spaces, then a tag", " ".repeat(size) + "< b>", "contains HTML markup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void judgesAHostileTwoMegabyteTextInUnderASecond(String shape, String text, String problem) {
        long started = System.nanoTime();
        String found = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ArticleRules.plainTextProblem(text));
        System.out.printf("plain-text check of %s (%d chars): %d ms%n", shape, text.length(),
                (System.nanoTime() - started) / 1_000_000);

        assertThat(found).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tin < b>nóng", "Tin < /b>", "Tin <\n/ i\n>x", "Tin < !-- x -->"})
    void stillRefusesATagWithSpacesAfterItsBracket(String title) {
        assertThat(ArticleRules.plainTextProblem(title)).isEqualTo("contains HTML markup");
        assertThat(ArticleRules.plainTextProblem("Nhiệt độ < 5 độ C > 3 độ C")).isNull();
    }

    @Test
    void refusesMarkupInATagOrACorrectionNote() {
        ArticlePublished seed = Articles.seedArticle();
        ArticlePublished tagged = new ArticlePublished(seed.articleId(), 2, null, "Tin", null, "<p>x</p>", List.of(), null,
                null, List.of("thi đua", "<img src=x onerror=alert(1)>"), "vi", seed.publishedAt(), seed.updatedAt(), null);
        ArticlePublished corrected = new ArticlePublished(seed.articleId(), 2, null, "Tin", null, "<p>x</p>", List.of(),
                null, null, List.of(), "vi", seed.publishedAt(), seed.updatedAt(), "Đính chính <script>alert(1)</script>");

        assertThatThrownBy(() -> rules.check(tagged)).isInstanceOf(ArticleRules.Refused.class)
                .hasMessageContaining("tags[1] contains HTML markup");
        assertThatThrownBy(() -> rules.check(corrected)).isInstanceOf(ArticleRules.Refused.class)
                .hasMessageContaining("correctionNote contains HTML markup");
    }

    private static ArticlePublished withImage(String url) {
        ArticlePublished seed = Articles.seedArticle();
        return new ArticlePublished(seed.articleId(), 1, null, "Tin", null, "<p>x</p>",
                List.of(new ArticleImage(null, url, "Chú thích", "alt", null)), null, null, null, "vi",
                seed.publishedAt(), seed.updatedAt(), null);
    }

    private static ArticlePublished with(String title, String body) {
        ArticlePublished seed = Articles.seedArticle();
        return new ArticlePublished(seed.articleId(), 1, null, title, seed.lead(), body, List.of(), null, null, null,
                "vi", seed.publishedAt(), seed.updatedAt(), null);
    }
}
