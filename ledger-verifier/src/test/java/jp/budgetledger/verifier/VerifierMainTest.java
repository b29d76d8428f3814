package jp.budgetledger.verifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier program against synthetic exports: a clean history, each attack of issue 21, proofs and bad input. */
class VerifierMainTest {

    private static final int SIZE = 40;
    private static final Pattern RANGE = Pattern.compile("改ざんを検出: 位置 (\\d+)〜(\\d+) \\(([a-z-]+)\\)");

    @TempDir
    Path dir;

    private SyntheticLedger ledger;
    private List<SyntheticLedger.Event> original;
    private Path key;
    private Path head;
    private Path heads;
    private Path leaves;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void signHistory() {
        ledger = SyntheticLedger.withEvents(SIZE, 7, 15, 30);
        original = ledger.events;
        key = dir.resolve("tree-head-public-key.pem");
        SyntheticLedger.write(key, PublicKeys.toPem(ledger.key.getPublic()));
        head = dir.resolve("tree-head.json");
        ledger.writeHead(head, SIZE);
        heads = dir.resolve("tree-heads.ndjson");
        ledger.writeHeads(heads, 10, 20, 30, SIZE);
        leaves = dir.resolve("tree-leaves.ndjson");
        ledger.writeLeaves(leaves);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifierMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path export(List<SyntheticLedger.Event> events) {
        Path file = dir.resolve("events-" + System.nanoTime() + ".ndjson");
        SyntheticLedger.writeExport(file, events);
        return file;
    }

    /** The history with the event at {@code index} edited and every line's hash chain recomputed. */
    private List<SyntheticLedger.Event> edited(int index, UnaryOperator<SyntheticLedger.Event> edit) {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(original);
        tampered.set(index, edit.apply(original.get(index)));
        return SyntheticLedger.rehash(tampered);
    }

    private long position(int index) {
        return original.get(index).position();
    }

    /** With the ledger's (authentic) leaves: exactly the first bad position and its kind. */
    private Run assertExact(List<SyntheticLedger.Event> tampered, String kind, long position) {
        Run run = run("--events", export(tampered).toString(), "--tree-head", head.toString(), "--public-key", key.toString(),
                "--leaves", leaves.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("改ざんを検出: 位置 " + position + " (" + kind + ") — ");
        return run;
    }

    /** With several heads and no leaves: a range of positions no wider than the heads' spacing that holds the first bad position. */
    private void assertBounded(List<SyntheticLedger.Event> tampered, String kind, long position) {
        Run run = run("--events", export(tampered).toString(), "--tree-heads", heads.toString(), "--public-key", key.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        Matcher range = RANGE.matcher(run.out());
        assertThat(range.find()).as(run.out()).isTrue();
        long from = Long.parseLong(range.group(1));
        long to = Long.parseLong(range.group(2));
        assertThat(range.group(3)).isEqualTo(kind);
        assertThat(position).isBetween(from, to);
        assertThat(to - from).as("a range within one spacing of the heads (10 events, with gaps)").isLessThan(13);
    }

    /** Found exactly with the leaves, and bounded with the heads alone ({@code boundedKind}: root-mismatch, or truncated). */
    private Run assertFound(List<SyntheticLedger.Event> tampered, String kind, long position, String boundedKind) {
        Run run = assertExact(tampered, kind, position);
        assertBounded(tampered, boundedKind, position);
        return run;
    }

    @Test
    void aCleanExportVerifiesAgainstTheHeadAndEveryHeadOfTheList() {
        Path events = export(original);
        Run one = run("--events", events.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).startsWith("検証成功 (verified): 位置 1〜43 の 40 件のイベントが署名済みツリーヘッド")
                .contains("the 40 events (positions 1..43) give the root of the signed tree head of size 40");
        Run all = run("--events", events.toString(), "--tree-heads", heads.toString(), "--tree-head", head.toString(),
                "--public-key", key.toString(), "--leaves", leaves.toString());
        assertThat(all.code()).as(all.out() + all.err()).isZero();
        assertThat(all.out()).contains("and those of the other 3 tree heads given");
    }

    @Test
    void eventsAfterTheHeadAreReportedAsNotYetSigned() {
        Path older = dir.resolve("head-30.json");
        ledger.writeHead(older, 30);
        Run run = run("--events", export(original).toString(), "--tree-head", older.toString(), "--public-key", key.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("the 10 later events (from position " + position(30) + ") are not yet in a signed tree head");
    }

    @Test
    void aPayloadEditedWithEveryHashRecomputedIsFound() {
        List<SyntheticLedger.Event> tampered = edited(12, e -> e.withPayload(e.payload().replace("1012000", "9012000")));
        assertThat(tampered.get(12).hash()).isNotEqualTo(original.get(12).hash());
        Run run = assertFound(tampered, Finding.ALTERED, position(12), Finding.ROOT_MISMATCH);
        assertThat(run.out()).contains("the event at position " + position(12) + " differs from the one in the signed tree (leaf 12)");
    }

    @Test
    void aChangedActorIsFound() {
        List<SyntheticLedger.Event> tampered = edited(17, e -> e.withActor("intruder"));
        assertFound(tampered, Finding.ALTERED, position(17), Finding.ROOT_MISMATCH);
    }

    @Test
    void aDeletedMiddleEventIsFoundMissing() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(original);
        tampered.remove(22);
        tampered = SyntheticLedger.rehash(tampered);
        assertFound(tampered, Finding.MISSING, position(22), Finding.ROOT_MISMATCH);
    }

    @Test
    void aDeletedLastEventIsFoundTruncated() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(original.subList(0, SIZE - 1));
        Run run = assertFound(tampered, Finding.TRUNCATED, position(SIZE - 1), Finding.TRUNCATED);
        assertThat(run.out()).contains("the export ends before position " + position(SIZE - 1) + " (leaf 39)");
    }

    @Test
    void twoReorderedEventsAreFoundMoved() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(original);
        tampered.set(25, original.get(27).atPosition(position(25)));
        tampered.set(27, original.get(25).atPosition(position(27)));
        assertThat(SyntheticLedger.rehash(tampered)).as("the lines' hash chains still hold").isEqualTo(tampered);
        Run run = assertFound(tampered, Finding.MOVED, position(25), Finding.ROOT_MISMATCH);
        assertThat(run.out()).contains("is the one the signed tree has at position " + position(27) + " (leaf 27)");
    }

    @Test
    void aForgedEventInsertedIntoAGapIsFoundInserted() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(original);
        int at = 0;
        while (tampered.get(at).position() < 15) {
            at++;
        }
        tampered.add(at, new SyntheticLedger.Event(15, "line-9", 0, "Initiative", "forged", "2026-04-01T09:00:00Z",
                "jp.budgetledger.core.api.InitiativeAdded", "1", "{\"initiativeId\":\"line-9\",\"amountYen\":90000000}", "officer", null, null));
        tampered = SyntheticLedger.rehash(tampered);
        assertFound(tampered, Finding.INSERTED, 15, Finding.ROOT_MISMATCH);
    }

    @Test
    void aTruncatedAndRefilledStoreIsFound() {
        List<SyntheticLedger.Event> refilled = SyntheticLedger.rehash(original.stream().map(e -> e.withPayload(e.payload().replace("補正", "差替"))).toList());
        assertFound(refilled, Finding.ALTERED, 1, Finding.ROOT_MISMATCH);
        List<SyntheticLedger.Event> renumbered = original.stream().map(e -> e.atPosition(e.position() + 100)).toList();
        assertFound(renumbered, Finding.MISSING, 1, Finding.ROOT_MISMATCH);
    }

    @Test
    void leavesRewrittenToMatchTheTamperedEventsCannotNameAnExactPosition() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(edited(12, e -> e.withActor("intruder")));
        SyntheticLedger.writeLeaves(leaves, tampered);
        Run run = run("--events", export(tampered).toString(), "--tree-heads", heads.toString(), "--public-key", key.toString(),
                "--leaves", leaves.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("改ざんを検出: 位置 " + (position(9) + 1) + "〜" + position(19) + " (root-mismatch)")
                .contains("the leaves file does not give the signed root either");
    }

    @Test
    void aHeadSignedByAnotherKeyOrEditedIsRefused() {
        SyntheticLedger impostor = ledger.with(original);
        Path otherKey = dir.resolve("other.pem");
        SyntheticLedger.write(otherKey, PublicKeys.toPem(SyntheticLedger.keyPair().getPublic()));
        Run run = run("--events", export(original).toString(), "--tree-head", head.toString(), "--public-key", otherKey.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("改ざんを検出: ツリーヘッド " + head + " (tree-head-signature) — ").contains("it names key");

        TreeHead signed = impostor.head(SIZE);
        TreeHead edited = new TreeHead(signed.treeSize(), Hex.of(MerkleTree.root(SyntheticLedger.leaves(original.subList(1, SIZE)))),
                signed.timestamp(), signed.keyId(), signed.signature());
        Path editedHead = dir.resolve("edited.json");
        SyntheticLedger.write(editedHead, SyntheticLedger.json(SyntheticLedger.headJson(edited, null)));
        Run editedRun = run("--events", export(original).toString(), "--tree-head", editedHead.toString(), "--public-key", key.toString());
        assertThat(editedRun.code()).isEqualTo(1);
        assertThat(editedRun.out()).contains("(tree-head-signature)").doesNotContain("it names key");
    }

    @Test
    void twoSignedHeadsOfOneSizeWithDifferentRootsAreAForkedHistory() {
        List<SyntheticLedger.Event> tampered = new ArrayList<>(edited(3, e -> e.withActor("intruder")));
        Path forked = dir.resolve("forked.json");
        ledger.with(tampered).writeHead(forked, SIZE);
        Run run = run("--events", export(original).toString(), "--tree-head", head.toString(), "--tree-head", forked.toString(),
                "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("(root-mismatch)").contains("the ledger signed two different histories");
    }

    @Test
    void anInclusionProofIsCheckedAgainstTheHeadAndTheExport() {
        Path proof = dir.resolve("inclusion.json");
        SyntheticLedger.write(proof, SyntheticLedger.json(ledger.inclusionProof(12, SIZE)));
        Run alone = run("--inclusion-proof", proof.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(alone.code()).as(alone.out() + alone.err()).isZero();
        assertThat(alone.out()).startsWith("検証成功 (verified): 位置 " + position(12) + " の葉").contains("is leaf 12 of the signed tree of size 40");
        Run withEvents = run("--inclusion-proof", proof.toString(), "--events", export(original).toString(), "--tree-head", head.toString(),
                "--public-key", key.toString());
        assertThat(withEvents.code()).isZero();
        assertThat(withEvents.out()).contains("and the export's event there is that leaf");

        List<SyntheticLedger.Event> tampered = new ArrayList<>(edited(12, e -> e.withActor("intruder")));
        Run altered = run("--inclusion-proof", proof.toString(), "--events", export(tampered).toString(), "--tree-head", head.toString(),
                "--public-key", key.toString());
        assertThat(altered.code()).isEqualTo(1);
        assertThat(altered.out()).contains("改ざんを検出: 位置 " + position(12) + " (altered) — the event at position " + position(12)
                + " in the export differs from the proved leaf 12");
        tampered.remove(12);
        Run missing = run("--inclusion-proof", proof.toString(), "--events", export(tampered).toString(), "--tree-head", head.toString(),
                "--public-key", key.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("改ざんを検出: 位置 " + position(12) + " (missing)");
    }

    @Test
    void aTamperedInclusionProofFails() {
        Map<String, Object> proof = ledger.inclusionProof(12, SIZE);
        @SuppressWarnings("unchecked")
        List<String> path = new ArrayList<>((List<String>) proof.get("auditPath"));
        path.set(1, Hex.of(ledger.leaves().get(0)));
        proof.put("auditPath", path);
        Path file = dir.resolve("tampered-inclusion.json");
        SyntheticLedger.write(file, SyntheticLedger.json(proof));
        Run run = run("--inclusion-proof", file.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("改ざんを検出: 位置 " + position(12) + " の包含証明 (inclusion-proof) — the audit path does not lead");

        Map<String, Object> otherLeaf = ledger.inclusionProof(12, SIZE);
        otherLeaf.put("leafHash", Hex.of(ledger.leaves().get(13)));
        SyntheticLedger.write(file, SyntheticLedger.json(otherLeaf));
        assertThat(run("--inclusion-proof", file.toString(), "--tree-head", head.toString(), "--public-key", key.toString()).code()).isEqualTo(1);

        Map<String, Object> otherRoot = ledger.inclusionProof(12, SIZE);
        otherRoot.put("rootHash", Hex.of(ledger.leaves().get(13)));
        SyntheticLedger.write(file, SyntheticLedger.json(otherRoot));
        Run root = run("--inclusion-proof", file.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(root.code()).isEqualTo(1);
        assertThat(root.out()).contains("(inclusion-proof) — the proof is for root");
    }

    @Test
    void aConsistencyProofIsCheckedAgainstBothHeads() {
        Path old = dir.resolve("head-20.json");
        ledger.writeHead(old, 20);
        Path proof = dir.resolve("consistency.json");
        SyntheticLedger.write(proof, SyntheticLedger.json(ledger.consistencyProof(20, SIZE)));
        Run good = run("--consistency-proof", proof.toString(), "--old-tree-head", old.toString(), "--tree-head", head.toString(),
                "--public-key", key.toString());
        assertThat(good.code()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).startsWith("検証成功 (verified): ").contains("the tree of size 40, signed at")
                .contains("begins with the tree of size 20");

        Map<String, Object> tampered = ledger.consistencyProof(20, SIZE);
        @SuppressWarnings("unchecked")
        List<String> hashes = new ArrayList<>((List<String>) tampered.get("proof"));
        hashes.set(0, Hex.of(ledger.leaves().get(5)));
        tampered.put("proof", hashes);
        SyntheticLedger.write(proof, SyntheticLedger.json(tampered));
        Run bad = run("--consistency-proof", proof.toString(), "--old-tree-head", old.toString(), "--tree-head", head.toString(),
                "--public-key", key.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).startsWith("改ざんを検出: 一貫性証明 20→40 (consistency-proof) — ");
    }

    @Test
    void aHeadSignedOverARewrittenHistoryIsNoExtensionOfTheOldOne() {
        Path old = dir.resolve("head-20.json");
        ledger.writeHead(old, 20);
        List<SyntheticLedger.Event> rewritten = new ArrayList<>(edited(5, e -> e.withActor("intruder")));
        SyntheticLedger forged = ledger.with(rewritten);
        Path newHead = dir.resolve("head-40-forged.json");
        forged.writeHead(newHead, SIZE);
        Path proof = dir.resolve("consistency.json");
        SyntheticLedger.write(proof, SyntheticLedger.json(forged.consistencyProof(20, SIZE)));
        Run run = run("--consistency-proof", proof.toString(), "--old-tree-head", old.toString(), "--tree-head", newHead.toString(),
                "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("(consistency-proof)");
        Path events = export(forged.events);
        Run withEvents = run("--events", events.toString(), "--old-tree-head", old.toString(), "--tree-head", newHead.toString(),
                "--public-key", key.toString(), "--consistency-proof", proof.toString());
        assertThat(withEvents.code()).isEqualTo(1);
        assertThat(withEvents.out()).startsWith("改ざんを検出: 位置 1〜" + position(19) + " (root-mismatch)");
    }

    @Test
    void unusableInputExitsTwoWithAMessageAndNoStackTrace() {
        Path events = export(original);
        String[][] cases = {
                {},
                {"--events", events.toString(), "--tree-head", head.toString()},
                {"--events", events.toString(), "--tree-head", head.toString(), "--public-key", key.toString(), "--unknown"},
                {"--tree-head", head.toString(), "--public-key", key.toString()},
                {"--events", events.toString(), "--public-key", key.toString()},
                {"--events", dir.resolve("absent.ndjson").toString(), "--tree-head", head.toString(), "--public-key", key.toString()},
                {"--events", events.toString(), "--tree-head", head.toString(), "--public-key", head.toString()},
                {"--events", events.toString(), "--tree-head", key.toString(), "--public-key", key.toString()},
                {"--leaves", leaves.toString(), "--inclusion-proof", head.toString(), "--tree-head", head.toString(), "--public-key", key.toString()},
                {"--consistency-proof", head.toString(), "--tree-head", head.toString(), "--public-key", key.toString()},
        };
        for (String[] args : cases) {
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void aMalformedOrUnorderedExportExitsTwoNamingTheLine() {
        Path events = dir.resolve("broken.ndjson");
        SyntheticLedger.writeExport(events, original.subList(0, 2));
        SyntheticLedger.write(events, readString(events) + "{\"position\": 3, \"payload\": \n");
        Run broken = run("--events", events.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("line 3");

        List<SyntheticLedger.Event> unordered = new ArrayList<>(original);
        unordered.set(4, original.get(5));
        unordered.set(5, original.get(4));
        Run run = run("--events", export(unordered).toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("line 6: position 5 follows position 6");

        Map<String, Object> proof = ledger.inclusionProof(3, 20);
        Path file = dir.resolve("inclusion-20.json");
        SyntheticLedger.write(file, SyntheticLedger.json(proof));
        Run noHead = run("--inclusion-proof", file.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
        assertThat(noHead.code()).isEqualTo(2);
        assertThat(noHead.err()).contains("no tree head of that size was given");
    }

    private static String readString(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
