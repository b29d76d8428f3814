package jp.budgetledger.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code java -jar ledger-verifier.jar}: checks an event export, inclusion and consistency proofs against tree heads
 * signed with the ledger's public key, trusting nothing else the ledger says. Exit code 0 when every check holds,
 * 1 when one does not (the first bad position and its kind are printed), 2 when the input cannot be used.
 */
@Command(name = "ledger-verifier", mixinStandardHelpOptions = true, version = "ledger-verifier 1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Budget Ledger の独立検証プログラム: イベントのエクスポートと証明を、署名済みツリーヘッドと公開鍵で検証します。",
                "The independent verifier: checks an event export and proofs against signed tree heads and the ledger's public key.",
                "Exit: 0 verified / 検証成功, 1 tampering found / 改ざんを検出, 2 bad usage or unreadable input / 入力エラー."})
public final class VerifierMain implements Callable<Integer> {

    static final int VERIFIED = 0;
    static final int TAMPERED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--public-key", required = true, paramLabel = "FILE",
            description = "the ledger's Ed25519 public key (PEM, GET /api/audit/public-key) / 公開鍵")
    Path publicKey;

    @Option(names = "--tree-head", paramLabel = "FILE",
            description = "a signed tree head (JSON, GET /api/audit/tree-head); repeatable / 署名済みツリーヘッド")
    List<Path> treeHeads = new ArrayList<>();

    @Option(names = "--tree-heads", paramLabel = "FILE",
            description = "several signed tree heads (NDJSON, a JSON array or GET /api/audit/tree-heads) to bound the first bad position")
    List<Path> treeHeadLists = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE", description = "the event export (NDJSON, export-events) / イベントのエクスポート")
    Path events;

    @Option(names = "--leaves", paramLabel = "FILE",
            description = "the ledger's leaves (NDJSON, GET /api/audit/tree-leaves) to name the exact position / 葉の一覧")
    Path leaves;

    @Option(names = "--inclusion-proof", paramLabel = "FILE",
            description = "an inclusion proof (JSON, GET /api/audit/proofs/inclusion) / 包含証明")
    Path inclusionProof;

    @Option(names = "--consistency-proof", paramLabel = "FILE",
            description = "a consistency proof (JSON, GET /api/audit/proofs/consistency), with --old-tree-head / 一貫性証明")
    Path consistencyProof;

    @Option(names = "--old-tree-head", paramLabel = "FILE", description = "the older signed tree head the consistency proof starts from")
    Path oldTreeHead;

    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(run(args, console(), new PrintWriter(new OutputStreamWriter(System.err, consoleCharset()), true)));
    }

    /** Runs the verifier with {@code args} as on the command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        VerifierMain main = new VerifierMain();
        main.out = out;
        CommandLine commandLine = new CommandLine(main)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, a) -> {
                    err.println("使い方の誤り (usage): " + e.getMessage());
                    err.println("  java -jar ledger-verifier.jar --help");
                    err.flush();
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, c, p) -> {
                    err.println("入力エラー (input): " + (e instanceof InputException ? e.getMessage() : e.toString()));
                    err.flush();
                    return BAD_INPUT;
                });
        int code = commandLine.execute(args);
        out.flush();
        return code;
    }

    @Override
    public Integer call() {
        if (events == null && inclusionProof == null && consistencyProof == null) {
            throw new InputException("検証するもの (--events、--inclusion-proof、--consistency-proof) がありません",
                    "nothing to check: give --events, --inclusion-proof or --consistency-proof");
        }
        if (leaves != null && events == null) {
            throw new InputException("--leaves には --events が必要です", "--leaves needs --events");
        }
        if (consistencyProof != null && oldTreeHead == null) {
            throw new InputException("--consistency-proof には --old-tree-head が必要です", "--consistency-proof needs --old-tree-head");
        }
        PublicKey key = Inputs.publicKey(publicKey);
        List<SignedHead> given = new ArrayList<>();
        treeHeads.forEach(path -> given.add(Inputs.treeHead(path)));
        treeHeadLists.forEach(path -> given.addAll(Inputs.treeHeads(path)));
        SignedHead old = oldTreeHead == null ? null : Inputs.treeHead(oldTreeHead);
        if (given.isEmpty()) {
            throw new InputException("署名済みツリーヘッド (--tree-head または --tree-heads) がありません", "give a signed tree head: --tree-head or --tree-heads");
        }
        Inputs.InclusionProof inclusion = inclusionProof == null ? null : Inputs.inclusionProof(inclusionProof);
        Inputs.ConsistencyProof consistency = consistencyProof == null ? null : Inputs.consistencyProof(consistencyProof);

        List<SignedHead> all = new ArrayList<>(given);
        if (old != null) {
            all.add(old);
        }
        Finding unsigned = TreeHeads.firstUnsigned(all, key);
        if (unsigned == null) {
            unsigned = TreeHeads.firstConflict(all);
        }
        if (unsigned != null) {
            out.println(unsigned.line());
            return TAMPERED;
        }
        List<SignedHead> heads = TreeHeads.bySize(all);

        List<Result> results = new ArrayList<>();
        ExportScan scan = null;
        if (events != null) {
            scan = ExportScan.of(events, TreeHeads.sizes(heads),
                    inclusion == null ? Set.of() : Set.of(inclusion.position()));
            results.add(new EventsCheck(events, leaves, heads, scan).check());
        }
        if (inclusion != null) {
            results.add(ProofChecks.inclusion(inclusion, inclusionProof, heads, scan));
        }
        if (consistency != null) {
            results.add(ProofChecks.consistency(consistency, consistencyProof, old, heads));
        }
        results.forEach(result -> out.println(result.line()));
        return results.stream().anyMatch(Finding.class::isInstance) ? TAMPERED : VERIFIED;
    }

    private static PrintWriter console() {
        return new PrintWriter(new OutputStreamWriter(System.out, consoleCharset()), true);
    }

    /** The console's encoding when it can write Japanese, else UTF-8. */
    private static Charset consoleCharset() {
        for (String property : new String[]{"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            try {
                if (name != null && Charset.isSupported(name) && Charset.forName(name).newEncoder().canEncode("改ざん")) {
                    return Charset.forName(name);
                }
            } catch (IllegalArgumentException e) {
                // an unusable name: try the next
            }
        }
        return StandardCharsets.UTF_8;
    }
}
