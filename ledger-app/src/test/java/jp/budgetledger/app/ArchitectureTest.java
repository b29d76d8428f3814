package jp.budgetledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies run one way: app -> projections -> core, and the core knows nothing of Spring. */
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
}
