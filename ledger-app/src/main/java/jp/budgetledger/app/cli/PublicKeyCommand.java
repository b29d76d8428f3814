package jp.budgetledger.app.cli;

import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.app.merkle.MerkleProperties;
import jp.budgetledger.app.merkle.TreeHeadSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code public-key}: the PEM public key that verifies the ledger's tree heads. */
@Command(name = "public-key", mixinStandardHelpOptions = true,
        description = "Print the Ed25519 public key (PEM) that verifies the ledger's tree heads (as GET /api/audit/public-key).")
class PublicKeyCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        String pem;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            pem = context.getBean(TreeHeadSigner.class).key().publicKeyPem();
            System.err.println("key file: " + TreeHeadSigner.keyFile(context.getBean(MerkleProperties.class), context.getBean(LedgerProperties.class)));
        }
        System.out.print(pem);
        return 0;
    }
}
