package jp.budgetledger.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of the bench: every scenario runs against the real configuration, twice, and prints its
 * BENCH line, each with all its fields and numbers where numbers belong (the median between the minimum
 * and the maximum), the run's checks of correctness hold, and the exit code says what the pass fields
 * say (0 when every one passed, 1 when any failed). It checks the benchmark works, not the targets
 * (BENCHMARKS.md records full runs).
 */
class BenchSmokeIT {

    private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";
    private static final Pattern ANY_LINE = Pattern.compile("(?m)^BENCH .*$");
    private static final Pattern LINE = Pattern.compile("BENCH name=([a-z0-9-]+) value=(" + NUMBER + ") min=(" + NUMBER + ") max=(" + NUMBER
            + ") unit=(\\S+) baseline=(-|" + NUMBER + ") ratio=(-|" + NUMBER + ") target=(\\S+) pass=(true|false)");

    private record Figure(String name, double value, double min, double max, String baseline, String ratio, boolean pass) {
    }

    @Test
    void aTinyBenchRunPrintsEveryFigureAsTheMedianOfItsRepetitionsChecksItsCorrectnessAndExitsAsItsPassFieldsSay() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = BenchMain.run(new String[]{"--events", "2000", "--repeat", "2", "--seconds", "1", "--warmup", "1", "--threads", "2",
                    "--queries", "20", "--import-rows", "200", "--skip", "startup"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        List<Figure> figures = new ArrayList<>();
        Matcher lines = ANY_LINE.matcher(output);
        while (lines.find()) {
            Matcher line = LINE.matcher(lines.group());
            assertThat(line.matches()).as("every field of " + lines.group()).isTrue();
            figures.add(new Figure(line.group(1), Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3)),
                    Double.parseDouble(line.group(4)), line.group(6), line.group(7), Boolean.parseBoolean(line.group(9))));
        }
        assertThat(figures).extracting(Figure::name).containsExactly("import-csv", "tree-asof-p99", "rebuild-all-initiative-list",
                "rebuild-all-totals", "rebuild-all-documents", "rebuild-all-audit-log", "rebuild-all-temporal", "rebuild-all", "replay", "verify",
                "command", "sustained", "http", "http-p99", "memory");
        for (Figure figure : figures) {
            assertThat(figure.value()).as(figure.name()).isPositive().isBetween(figure.min(), figure.max());
            assertThat(figure.ratio().equals("-")).as("a ratio exactly where there is a baseline: " + figure).isEqualTo(figure.baseline().equals("-"));
            if (!figure.baseline().equals("-")) {
                assertThat(Double.parseDouble(figure.baseline())).as(figure.name()).isPositive();
                assertThat(Double.parseDouble(figure.ratio())).as(figure.name()).isPositive();
            }
        }
        assertThat(output).as("the run's own checks")
                .contains("bench: the tree totals of every year written ([2031, 2138, 2139, 2140, 2141, 2142, 2160, 2161]")
                .contains("bench: the store verifies against the run's last signed tree head (")
                .doesNotContain("FAILED").doesNotContain("differences").doesNotContain("verify found problems");
        boolean allPass = figures.stream().allMatch(Figure::pass);
        assertThat(exit).as(output).isEqualTo(allPass ? 0 : 1);
        assertThat(output).contains(allPass ? "bench: every target passed" : "bench: some targets were missed");
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(output).as("the machine time of each throughput window, from Linux's /proc")
                    .contains("bench: cpu of the raw insert and commit: ", "bench: cpu of command: ", "bench: cpu of sustained: ",
                            "bench: cpu of http: ")
                    .doesNotContain("PostgreSQL not on this host");
        }
    }
}
