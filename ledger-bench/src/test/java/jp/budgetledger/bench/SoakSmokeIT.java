package jp.budgetledger.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short soak ({@code soak --minutes PT20S --row PT5S}) against the real configuration on a fresh embedded PostgreSQL: it
 * prints a row per interval and writes the same rows as CSV, every row with requests sent on schedule, none failing, a
 * post-GC heap and an RSS; the verdict counts zero errors and the exit code says what its pass field says. It checks the
 * soak works, not the thresholds (BENCHMARKS.md records a full run).
 */
class SoakSmokeIT {

    private static final Pattern VERDICT = Pattern.compile("SOAK-VERDICT requests=(\\d+) errors=(\\d+) .* pass=(true|false)");

    @Test
    void aShortSoakWritesARowPerIntervalWithNoErrorsAndExitsAsItsVerdictSays(@TempDir Path directory) throws Exception {
        Path csv = directory.resolve("soak.csv");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = BenchMain.run(new String[]{"soak", "--minutes", "PT20S", "--row", "PT5S", "--rate", "10", "--warmup-rows", "0",
                    "--csv", csv.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(rows).as(output).hasSizeBetween(4, 5);
        for (CSVRecord row : rows) {
            assertThat(Long.parseLong(row.get("requests"))).as(row.toString()).isPositive();
            assertThat(row.get("errors")).as(row.toString()).isEqualTo("0");
            assertThat(Double.parseDouble(row.get("p99_ms"))).as(row.toString()).isPositive();
            assertThat(Double.parseDouble(row.get("heap_after_gc_mib"))).as(row.toString()).isPositive();
            if (Files.isReadable(Path.of("/proc/self/status"))) {
                assertThat(Double.parseDouble(row.get("rss_mib"))).as(row.toString()).isPositive();
            }
            assertThat(output).contains("SOAK " + row.get("minute") + " " + row.get("requests") + " 0 ");
        }
        Matcher verdict = VERDICT.matcher(output);
        assertThat(verdict.find()).as(output).isTrue();
        assertThat(Long.parseLong(verdict.group(1))).isEqualTo(rows.stream().mapToLong(r -> Long.parseLong(r.get("requests"))).sum());
        assertThat(verdict.group(2)).isEqualTo("0");
        assertThat(exit).as(output).isEqualTo(Boolean.parseBoolean(verdict.group(3)) ? 0 : 1);
    }
}
