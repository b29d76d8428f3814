package jp.budgetledger.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The bench depends on the product, never the other way round. */
class BenchArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.budgetledger");

    @Test
    void noProductClassDependsOnTheBench() {
        noClasses().that().resideInAnyPackage("jp.budgetledger.app..", "jp.budgetledger.projections..", "jp.budgetledger.core..")
                .should().dependOnClassesThat().resideInAPackage("jp.budgetledger.bench..")
                .check(CLASSES);
    }
}
