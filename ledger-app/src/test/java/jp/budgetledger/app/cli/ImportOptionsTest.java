package jp.budgetledger.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aFileLargerThanAnImportTakesIsRefusedBeforeItIsRead() throws Exception {
        Path file = Files.write(dir.resolve("budget.csv"), new byte[2049]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] read = ImportOptions.read(file, new PrintStream(out, true, StandardCharsets.UTF_8),
                List.of("--ledger.limits.max-import-bytes=2KB"));
        assertThat(read).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("has 2049 bytes; an import takes at most 2048 (ledger.limits.max-import-bytes)");
    }

    @Test
    void aFileWithinTheLimitIsRead() throws Exception {
        Path file = Files.write(dir.resolve("budget.csv"), new byte[2048]);
        byte[] read = ImportOptions.read(file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of("--ledger.limits.max-import-bytes=2KB"));
        assertThat(read).hasSize(2048);
        assertThat(ImportOptions.maxImportBytes(List.of()).toMegabytes()).as("the default").isEqualTo(10);
    }
}
