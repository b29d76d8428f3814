package jp.budgetledger.app.hygiene;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product jar ({@code target/ledger-app.jar}, built before the integration tests) holds the product: no class of the
 * benchmark, and the Commons Logging API from Spring's {@code spring-jcl} alone (with Apache's {@code commons-logging} jar
 * beside it, which PDFBox depends on, every start printed "Standard Commons Logging discovery in action with spring-jcl:
 * please remove commons-logging.jar from classpath").
 */
class PackagedJarIT {

    @Test
    void theProductJarHoldsNoBenchmarkAndNoSecondCommonsLogging() throws Exception {
        Path jar = Path.of("target", "ledger-app.jar");
        assertThat(jar).as("the packaged product").isRegularFile();
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
        assertThat(entries).as("the libraries and the application's classes").anyMatch(e -> e.startsWith("BOOT-INF/lib/spring-jcl-"))
                .anyMatch(e -> e.startsWith("BOOT-INF/classes/jp/budgetledger/app/"));
        assertThat(entries).noneMatch(e -> e.startsWith("BOOT-INF/lib/commons-logging-"))
                .noneMatch(e -> e.contains("jp/budgetledger/bench/"))
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/ledger-bench"));
        assertThat(Files.size(jar)).isPositive();
    }
}
