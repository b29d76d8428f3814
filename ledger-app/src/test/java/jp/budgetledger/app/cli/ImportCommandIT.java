package jp.budgetledger.app.cli;

import jp.budgetledger.core.document.BundledSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger-app.jar import FILE --fiscal-year N [--dry-run]} prints the report and exits non-zero on errors. */
class ImportCommandIT {

    @TempDir
    Path dataDir;

    private record Run(int exit, String output) {
    }

    private Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = LedgerCli.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void importingTheSampleReportsItsSectionsAndChecksAndASecondRunAddsNothing() throws Exception {
        Path file = dataDir.resolve("betsu3.txt");
        Files.write(file, BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY));
        Path bad = dataDir.resolve("bad.txt");
        Files.writeString(bad, Files.readString(file).replace("312,451", "312,452"));
        String data = "--ledger.data-dir=" + dataDir.resolve("ledger");

        Run dryRun = run("import", file.toString(), "--fiscal-year", "2020", "--dry-run", data);
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.output()).contains("別紙3 スマート自治体関連事業一覧表", "210,321", "row 47", "312,451", "dry run");

        Run rejected = run("import", bad.toString(), "--fiscal-year", "2020", data);
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.output()).contains("row 47: 合計(1+2+3+4+5): printed 312,452 千円 but the lines add up to 312,451 千円");

        Run imported = run("import", file.toString(), "--fiscal-year", "2020", data);
        assertThat(imported.exit()).isZero();
        assertThat(imported.output()).contains("16 lines read, 16 added, 0 already present");

        Run again = run("import", file.toString(), "--fiscal-year", "2020", "--json", data);
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("\"alreadyPresent\" : 16", "\"added\" : 0");

        assertThat(run("import", file.toString(), data).exit()).isEqualTo(2);
    }
}
