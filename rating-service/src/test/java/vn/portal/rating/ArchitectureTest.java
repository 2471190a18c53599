package vn.portal.rating;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The features of rating-service lean on each other in one direction only. */
@AnalyzeClasses(packages = "vn.portal.rating", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("vn.portal.rating.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knownArticlesKnowNothingOfVotes = noClasses().that().resideInAPackage("..rating.article..")
            .should().dependOnClassesThat().resideInAnyPackage("..rating.vote..", "..rating.summary..");

    @ArchTest
    static final ArchRule votesDoNotReachIntoTotals = noClasses().that().resideInAPackage("..rating.vote..")
            .should().dependOnClassesThat().resideInAPackage("..rating.summary..");

    /**
     * Messaging goes through Spring Cloud Stream bindings (docs/adr/0005): no Kafka client in service
     * code; the tally is a Kafka Streams function bound by the Kafka Streams binder.
     */
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
