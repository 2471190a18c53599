package vn.portal.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The features of media-service (image, gallery) depend on each other in one direction only: the
 * galleries read images through the image feature's public side (MediaCatalog, MediaSummary,
 * AlbumChanged) and answer it through MediaUsage; images know nothing of galleries.
 */
@AnalyzeClasses(packages = "vn.portal.media", importOptions = ImportOption.DoNotIncludeTests.class)
class MediaArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACycle =
            slices().matching("vn.portal.media.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule imagesKnowNothingOfGalleries = noClasses().that().resideInAPackage("..media.image..")
            .should().dependOnClassesThat().resideInAPackage("..media.gallery..");

    /** Messaging goes through Spring Cloud Stream bindings (docs/adr/0005): no Kafka client in service code. */
    @ArchTest
    static final ArchRule noListenerAnnotations = noMethods()
            .should().beAnnotatedWith("org.springframework.kafka.annotation.KafkaListener");

    @ArchTest
    static final ArchRule noKafkaTemplateOrRawConsumer = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.ConsumerFactory")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.Consumer");
}
