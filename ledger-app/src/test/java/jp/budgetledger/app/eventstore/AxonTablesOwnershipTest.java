package jp.budgetledger.app.eventstore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the {@code eventstore} package names Axon's tables: no other class of the app or the read
 * models (main code; Flyway's SQL migrations aside) may run a statement on them.
 */
class AxonTablesOwnershipTest {

    private static final Pattern AXON_TABLE = Pattern.compile(
            "\\b(domainevententry|snapshotevententry|tokenentry|sagaentry|associationvalueentry|deadletterentry)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Path OWNER = Path.of("src/main/java/jp/budgetledger/app/eventstore");

    @Test
    void noClassOutsideTheEventStorePackageNamesAxonsTables() {
        List<String> offenders = Stream.concat(sources(Path.of("src/main/java")), sources(Path.of("../projections/src/main/java")))
                .filter(file -> !file.startsWith(OWNER))
                .filter(file -> AXON_TABLE.matcher(read(file)).find())
                .map(Path::toString)
                .toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanSeesTheOwnersStatements() {
        assertThat(sources(OWNER).filter(file -> AXON_TABLE.matcher(read(file)).find())).isNotEmpty();
        assertThat(sources(Path.of("../projections/src/main/java"))).isNotEmpty();
    }

    private static Stream<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
