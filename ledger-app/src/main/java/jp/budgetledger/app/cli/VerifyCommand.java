package jp.budgetledger.app.cli;

import jp.budgetledger.app.audit.StoreDigest;
import jp.budgetledger.app.audit.VerificationReport;
import jp.budgetledger.app.merkle.MerkleVerifier;
import jp.budgetledger.verifier.TreeHead;
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

/** {@code verify [--digest FILE] [--tree-head FILE]}: recompute every event's hash, chain and leaf, optionally against a kept digest and a signed tree head. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute every event's hash, chain and Merkle leaf; with --digest, compare with a digest kept earlier (the JSON of "
                + "GET /api/audit/digest); with --tree-head, check the store against a signed tree head (the JSON of GET /api/audit/tree-head).")
class VerifyCommand implements Callable<Integer> {

    @Option(names = "--digest", description = "file holding a digest kept earlier")
    Path digestFile;

    @Option(names = "--tree-head", description = "file holding a signed tree head kept earlier")
    Path treeHeadFile;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        StoreDigest kept = digestFile == null ? null
                : ReplayCommand.json().readValue(Files.readString(digestFile), StoreDigest.class);
        TreeHead head = treeHeadFile == null ? null : ReplayCommand.json().readerFor(TreeHead.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Files.readString(treeHeadFile));
        VerificationReport report;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            report = context.getBean(MerkleVerifier.class).verify(kept, head);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(ReplayCommand.json().writeValueAsString(report));
        out.println(report.verified() ? report.eventsChecked() + " events verified; digest " + report.digest().digest()
                : "BROKEN at position " + report.firstProblem().position() + ": " + report.firstProblem().detail());
        return report.verified() ? 0 : 1;
    }
}
