package jp.budgetledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies run one way: app -> projections -> core, the core knows nothing of Spring, and
 * the app's packages do not depend on each other in a cycle.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.budgetledger");

    @Test
    void coreDependsOnNoSpringClass() {
        noClasses().that().resideInAPackage("jp.budgetledger.core..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNeitherProjectionsNorTheApp() {
        noClasses().that().resideInAPackage("jp.budgetledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.budgetledger.projections..", "jp.budgetledger.app..")
                .check(CLASSES);
    }

    @Test
    void projectionsDoNotDependOnTheApp() {
        noClasses().that().resideInAPackage("jp.budgetledger.projections..")
                .should().dependOnClassesThat().resideInAPackage("jp.budgetledger.app..")
                .check(CLASSES);
    }

    @Test
    void theApiOfTheCoreDoesNotDependOnItsDomain() {
        noClasses().that().resideInAPackage("jp.budgetledger.core.api..")
                .should().dependOnClassesThat().resideInAPackage("jp.budgetledger.core.domain..")
                .check(CLASSES);
    }

    @Test
    void theAppsPackagesAreFreeOfCycles() {
        slices().matching("jp.budgetledger.app.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEventStorePackageDependsOnNoOtherPackageOfTheApp() {
        noClasses().that().resideInAPackage("jp.budgetledger.app.eventstore..")
                .should().dependOnClassesThat(resideInAPackage("jp.budgetledger.app..")
                        .and(not(resideInAPackage("jp.budgetledger.app.eventstore.."))))
                .check(CLASSES);
    }
}
