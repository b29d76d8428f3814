package jp.budgetledger.app.cli;

import jp.budgetledger.app.merkle.MerkleProofs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code export-tree-leaves --out FILE [--tree-size N]}: the Merkle log's recorded leaves as NDJSON. */
@Command(name = "export-tree-leaves", mixinStandardHelpOptions = true,
        description = "Write the tree's recorded leaves ({leafIndex, position, leafHash} per line, as GET /api/audit/tree-leaves) "
                + "for the first N leaves (default: the newest signed head's size).")
class ExportTreeLeavesCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path file;

    @Option(names = "--tree-size", paramLabel = "N")
    Long treeSize;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Optional<Long> size;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            MerkleProofs proofs = context.getBean(MerkleProofs.class);
            size = proofs.size("--tree-size", treeSize);
            if (size.isPresent()) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    proofs.writeLeaves(size.get(), out);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (size.isEmpty()) {
            System.err.println("no tree head has been signed yet: give --tree-size");
            return 1;
        }
        System.out.println(size.get() + " leaves written to " + file);
        return 0;
    }
}
