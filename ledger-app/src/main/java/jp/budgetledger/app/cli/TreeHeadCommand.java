package jp.budgetledger.app.cli;

import jp.budgetledger.app.merkle.MerkleProofs;
import jp.budgetledger.app.merkle.SignedTreeHead;
import jp.budgetledger.app.merkle.TreeHeadSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tree-head [--tree-size N] [--sign]}: a signed tree head as JSON (the newest, one kept for a size, or a new one). */
@Command(name = "tree-head", mixinStandardHelpOptions = true,
        description = "Print the newest signed tree head as JSON (as GET /api/audit/tree-head); --tree-size N the one kept for N; "
                + "--sign extends the Merkle log to every settled event and signs it first.")
class TreeHeadCommand implements Callable<Integer> {

    @Option(names = "--tree-size", paramLabel = "N", description = "the size of a kept tree head")
    Long treeSize;

    @Option(names = "--sign", description = "extend the tree and sign a head now")
    boolean sign;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Optional<SignedTreeHead> head;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            head = sign && treeSize == null ? Optional.of(context.getBean(TreeHeadSigner.class).signNow())
                    : context.getBean(MerkleProofs.class).head(treeSize);
        }
        if (head.isEmpty()) {
            System.err.println(treeSize == null ? "no tree head has been signed yet (sign one with --sign)"
                    : "no tree head was signed for tree size " + treeSize);
            return 1;
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println(ReplayCommand.json().writeValueAsString(head.get()));
        return 0;
    }
}
