package jp.budgetledger.bench;

import picocli.CommandLine;

/** {@code java -jar ledger-bench.jar [options] [--spring.property=value …]}: runs the benchmark ({@link BenchCommand}) and exits with its code. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        // Axon's update checker calls a remote host; the bench never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(run(args));
    }

    /** The benchmark's exit code for {@code args}, without exiting. */
    public static int run(String[] args) {
        return new CommandLine(new BenchCommand()).execute(args);
    }
}
