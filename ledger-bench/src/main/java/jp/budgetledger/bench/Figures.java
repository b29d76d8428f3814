package jp.budgetledger.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The run's figures: each the median of its repetitions, printed with their minimum and maximum as one line
 * {@code BENCH name=… value=… min=… max=… unit=… baseline=… ratio=… target=… pass=…}. A repetition's ratio is its value
 * over its own baseline (measured in the same repetition) for a rate, and its baseline over its value for a time, so that a
 * ratio is always the share of the baseline's speed reached; the line's ratio is the median of the repetitions' ratios.
 */
final class Figures {

    /** One repetition of a figure: the value and, when the figure has one, the baseline measured beside it and their ratio. */
    record Repetition(double value, Double baseline, Double ratio) {

        /** A rate (higher is better): ratio = value / baseline. */
        static Repetition rate(double value, double baseline) {
            return new Repetition(value, baseline, value / baseline);
        }

        /** A time (lower is better): ratio = baseline / value. */
        static Repetition time(double value, double baseline) {
            return new Repetition(value, baseline, baseline / value);
        }

        static Repetition alone(double value) {
            return new Repetition(value, null, null);
        }
    }

    /** The medians of a figure's repetitions, and the range of its values. */
    record Summary(double value, double min, double max, Double baseline, Double ratio, List<Repetition> repetitions) {
    }

    private final PrintStream out;
    private boolean allPass = true;

    Figures(PrintStream out) {
        this.out = out;
    }

    /** Prints the figure's line; {@code pass} decides its pass field from the medians (and, where it says so, the repetitions). */
    Summary report(String name, String unit, List<Repetition> repetitions, String target, Predicate<Summary> pass) {
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("no repetition of " + name);
        }
        double[] values = repetitions.stream().mapToDouble(Repetition::value).toArray();
        boolean withBaseline = repetitions.get(0).baseline() != null;
        Summary summary = new Summary(median(values), Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow(),
                withBaseline ? median(repetitions.stream().mapToDouble(Repetition::baseline).toArray()) : null,
                withBaseline ? median(repetitions.stream().mapToDouble(Repetition::ratio).toArray()) : null, List.copyOf(repetitions));
        boolean passed = pass.test(summary);
        String line = String.format(Locale.ROOT, "BENCH name=%s value=%.2f min=%.2f max=%.2f unit=%s baseline=%s ratio=%s target=%s pass=%s", name,
                summary.value(), summary.min(), summary.max(), unit,
                withBaseline ? String.format(Locale.ROOT, "%.2f", summary.baseline()) : "-",
                withBaseline ? String.format(Locale.ROOT, "%.2f", summary.ratio()) : "-", target, passed);
        allPass &= passed;
        out.println(line);
        return summary;
    }

    /** Counts a check that is not a figure (the run's correctness) in the exit code. */
    void require(boolean held, String what) {
        allPass &= held;
        out.println("bench: " + what + (held ? ": held" : ": FAILED"));
    }

    boolean allPass() {
        return allPass;
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank percentile of {@code values}. */
    static double percentile(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1))];
    }
}
