package jp.budgetledger.verifier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The verifier trusts nothing of the ledger: it uses the JDK, Jackson and picocli, and nothing of Spring, Axon or the ledger's code. */
class VerifierIndependenceTest {

    @Test
    void theVerifierDependsOnlyOnTheJdkJacksonAndPicocli() {
        JavaClasses verifier = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.budgetledger.verifier");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "picocli..", "jp.budgetledger.verifier")
                .check(verifier);
    }
}
