package jp.budgetledger.app.cli;

import jp.budgetledger.app.audit.StoreDigest;
import jp.budgetledger.app.audit.StoreVerifier;
import jp.budgetledger.app.audit.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code verify [--digest FILE]}: recompute every event's hash and chain, optionally against a kept digest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute every event's hash and chain; with --digest, compare with a digest kept earlier (the JSON of GET /api/audit/digest).")
class VerifyCommand implements Callable<Integer> {

    @Option(names = "--digest", description = "file holding a digest kept earlier")
    Path digestFile;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        StoreDigest kept = digestFile == null ? null
                : ReplayCommand.json().readValue(Files.readString(digestFile), StoreDigest.class);
        VerificationReport report;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            report = context.getBean(StoreVerifier.class).verify(kept);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(ReplayCommand.json().writeValueAsString(report));
        out.println(report.verified() ? report.eventsChecked() + " events verified; digest " + report.digest().digest()
                : "BROKEN at position " + report.firstProblem().position() + ": " + report.firstProblem().detail());
        return report.verified() ? 0 : 1;
    }
}
