package jp.budgetledger.app.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of {@code bench}: every scenario runs against the real configuration and prints its
 * BENCH line with a positive figure. It checks the benchmark works, not the targets (BENCHMARKS.md
 * records full runs).
 */
class BenchSmokeIT {

    private static final Pattern LINE = Pattern.compile("BENCH name=(\\S+) value=([0-9.]+) unit=\\S+ baseline=\\S+ ratio=\\S+ target=\\S+ pass=(true|false)");

    @Test
    void aTinyBenchRunPrintsEveryFigure() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = LedgerCli.run(new String[]{"bench", "--events", "2000", "--seconds", "1", "--warmup", "1", "--threads", "2", "--queries", "50",
                    "--hot-amendments", "100", "--skip", "startup"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isIn(0, 1);
        Matcher matcher = LINE.matcher(output);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
            assertThat(Double.parseDouble(matcher.group(2))).as(matcher.group()).isPositive();
        }
        assertThat(names).containsExactly("bulkload", "rebuild", "rebuild-initiative-list", "rebuild-documents",
                "rebuild-audit-log", "rebuild-temporal", "replay", "verify", "asof-p99", "hotline", "append", "append-alone", "http", "http-p99",
                "peak-rss");
        assertThat(output).doesNotContain("differences").doesNotContain("verify found problems");
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(output).as("the machine time of each throughput window, from Linux's /proc")
                .contains("bench: cpu of the raw insert and commit (append's baseline): ", "bench: cpu of append: ",
                        "bench: cpu of append-alone: ", "bench: cpu of the read models catching up on its ", "bench: cpu of http: ")
                .contains("bench: append's target (0.5 of ", "bench: http's target (0.7 of append) leaves ")
                .doesNotContain("PostgreSQL not on this host");
        }
    }
}
