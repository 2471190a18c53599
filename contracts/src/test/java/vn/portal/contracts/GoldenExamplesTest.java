package vn.portal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every event type's golden example is the contract: it validates and survives its record. */
class GoldenExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenExampleValidatesAgainstItsSchema(EventType type) {
        assertThat(errors(type, example(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenExampleRoundTripsThroughItsRecordUnchanged(EventType type) {
        JsonNode example = example(type);

        Record event = JSON.treeToValue(example, type.recordType());
        JsonNode again = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(again).isEqualTo(example);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWithoutARequiredFieldFailsValidation(EventType type) {
        ObjectNode broken = (ObjectNode) example(type);
        broken.remove(broken.propertyNames().iterator().next());

        assertThat(errors(type, broken)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleWithAnUnknownFieldFailsValidation(EventType type) {
        ObjectNode broken = (ObjectNode) example(type);
        broken.put("unexpected", "giá trị lạ");

        assertThat(errors(type, broken)).isNotEmpty();
    }

    @Test
    void starsOutsideOneToFiveFailValidation() {
        for (int stars : new int[] {0, 6}) {
            ObjectNode broken = (ObjectNode) example(EventType.ARTICLE_RATED);
            broken.put("stars", stars);
            assertThat(errors(EventType.ARTICLE_RATED, broken)).as("stars %d", stars).isNotEmpty();
        }
    }

    @Test
    void anArticleWithMarkupInItsTitleOrAnUnsafeImageUrlFailsValidation() {
        for (String title : new String[] {"<img src=x onerror=alert(1)", "Tin <b>nóng</b>", "<!-- x -->"}) {
            ObjectNode broken = (ObjectNode) example(EventType.ARTICLE_PUBLISHED);
            broken.put("title", title);
            assertThat(errors(EventType.ARTICLE_PUBLISHED, broken)).as(title).isNotEmpty();
        }
        for (String url : new String[] {"javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/x.png"}) {
            ObjectNode broken = (ObjectNode) example(EventType.ARTICLE_PUBLISHED);
            ((ObjectNode) broken.get("images").get(0)).put("url", url);
            assertThat(errors(EventType.ARTICLE_PUBLISHED, broken)).as(url).isNotEmpty();
        }
        ObjectNode fine = (ObjectNode) example(EventType.ARTICLE_PUBLISHED);
        fine.put("title", "Nhiệt độ < 5 độ C ở Kon Plông");
        assertThat(errors(EventType.ARTICLE_PUBLISHED, fine)).isEmpty();
    }

    @Test
    void articlePublishedExampleIsTheSeedArticleWithItsVietnameseTextIntact() {
        ArticlePublished seed = JSON.treeToValue(example(EventType.ARTICLE_PUBLISHED), ArticlePublished.class);

        assertThat(seed.title()).isEqualTo("Khối Mặt trận và các tổ chức chính trị xã hội tỉnh tổng kết công tác thi đua");
        assertThat(seed.images()).extracting(ArticleImage::caption).containsExactly(
                "Các thành viên Khối Mặt trận Tổ Quốc và các tổ chức chính trị - xã hội tỉnh Kon Tum đã ký kết giao ước thi đua năm 2024.",
                "Toàn cảnh Hội nghị.");
        assertThat(seed.author()).isEqualTo("Thái Hoàn");
    }

    @Test
    void eachTypeHasItsOwnTopicAndVersionedType() {
        assertThat(List.of(EventType.values())).extracting(EventType::topic).doesNotHaveDuplicates();
        assertThat(List.of(EventType.values())).allSatisfy(t -> assertThat(t.ceType()).matches("vn\\.portal\\..+\\.v\\d+"));
    }

    private static List<Error> errors(EventType type, JsonNode event) {
        return schema(type).validate(event);
    }

    private static Schema schema(EventType type) {
        try (InputStream in = resource(type.schemaResource())) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode example(EventType type) {
        try (InputStream in = resource(type.exampleResource())) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventType.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
