package vn.portal.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.portal.article.read.Article;
import vn.portal.article.read.ArticleRepository;

/** The rules of docs/architecture.md ("Rules the build keeps") that the compiler alone does not keep. */
@AnalyzeClasses(packages = "vn.portal.article", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The publish flow: the editorial API produces events; only the ingest consumer writes the read model. */
    @ArchTest
    static final ArchRule theEditorialApiNeverTouchesTheReadModel = noClasses()
            .that().resideInAPackage("..editorial..")
            .should().dependOnClassesThat().resideInAnyPackage("..read..", "..ingest..", "..search..");

    @ArchTest
    static final ArchRule onlyTheReadFeatureUsesItsRepository = noClasses()
            .that().resideOutsideOfPackage("..read..")
            .should().dependOnClassesThat().areAssignableTo(ArticleRepository.class);

    @ArchTest
    static final ArchRule onlyIngestSearchAndTheRebuildSeeTheReadModelDocument = noClasses()
            .that().resideOutsideOfPackages("..read..", "..ingest..", "..search..", "..admin..")
            .should().dependOnClassesThat().areAssignableTo(Article.class);

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

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("vn.portal.article.(*)..").should().beFreeOfCycles();
}
