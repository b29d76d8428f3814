package jp.budgetledger.verifier;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an event export against signed tree heads (already known to be signed by the ledger's key) and localises the
 * first bad position: the export's recomputed roots against every head; at the smallest head that disagrees, the
 * ledger's recorded leaves, when given and authentic (their root is the signed one), walked with the events by position
 * to name the exact position and kind; otherwise the range between the largest head that agrees and the one that does not.
 */
final class EventsCheck {

    private final Path events;
    private final Path leaves;
    private final List<SignedHead> heads;
    private final ExportScan scan;

    /**
     * @param heads  signed heads, ascending by size, one per size
     * @param leaves the ledger's recorded leaves, or null
     */
    EventsCheck(Path events, Path leaves, List<SignedHead> heads, ExportScan scan) {
        this.events = events;
        this.leaves = leaves;
        this.heads = heads;
        this.scan = scan;
    }

    Result check() {
        SignedHead agreeing = null;
        for (SignedHead head : heads) {
            byte[] root = scan.root(head.size());
            if (root == null || !Arrays.equals(root, head.head().root())) {
                return localise(head, agreeing);
            }
            agreeing = head;
        }
        return verified();
    }

    private Result verified() {
        SignedHead largest = heads.get(heads.size() - 1);
        long n = largest.size();
        String range = n == 0 ? "" : " (positions " + scan.position(0) + ".." + scan.position(n - 1) + ")";
        String rangeJa = n == 0 ? "" : "位置 " + scan.position(0) + "〜" + scan.position(n - 1) + " の ";
        String others = heads.size() == 1 ? "" : ", and those of the other " + (heads.size() - 1) + " tree heads given";
        String othersJa = heads.size() == 1 ? "" : "(ほか " + (heads.size() - 1) + " 個のツリーヘッドとも一致)";
        String later = "";
        String laterJa = "";
        if (scan.count() > n) {
            long after = scan.count() - n;
            later = "; the " + after + " later events (from position " + scan.position(n) + ") are not yet in a signed tree head";
            laterJa = "。位置 " + scan.position(n) + " 以降の " + after + " 件はまだ署名済みツリーヘッドに含まれていません";
        }
        return new Result.Verified(
                rangeJa + n + " 件のイベントが署名済みツリーヘッド (" + largest.describeJapanese() + "、鍵 " + shortKey(largest) + ") の根と一致"
                        + othersJa + laterJa,
                "the " + n + " events" + range + " give the root of the signed tree head of " + largest.describe()
                        + " with key " + shortKey(largest) + others + later);
    }

    private Result localise(SignedHead bad, SignedHead agreeing) {
        boolean leavesAuthentic = false;
        if (leaves != null) {
            leavesAuthentic = Arrays.equals(recordedRoot(bad.size()), bad.head().root());
            if (leavesAuthentic) {
                Finding exact = walk(bad);
                if (exact != null) {
                    return exact;
                }
            }
        }
        long from = agreeing == null || agreeing.size() == 0 ? 1 : scan.position(agreeing.size() - 1) + 1;
        Long to = scan.count() >= bad.size() ? scan.position(bad.size() - 1) : null;
        if (bad.lastPosition() != null) {
            to = to == null ? bad.lastPosition() : Math.min(to, bad.lastPosition());
        }
        if (to != null && to < from) {
            to = from;
        }
        String agreed = agreeing == null ? "" : "; the first " + agreeing.size() + " still give the root of the tree head of " + agreeing.describe();
        String agreedJa = agreeing == null ? "" : "。最初の " + agreeing.size() + " 件はツリーヘッド (" + agreeing.describeJapanese() + ") と一致します";
        String exactness = leaves == null
                ? "; give the ledger's leaves (--leaves) to name the exact position"
                : "; the leaves file does not give the signed root either, so it cannot name the exact position";
        String exactnessJa = leaves == null
                ? "。正確な位置は葉のファイル (--leaves) で特定できます"
                : "。葉のファイルも署名された根と一致しないため、正確な位置は特定できません";
        String range = to == null ? "from position " + from + " on" : "in positions " + from + ".." + to;
        String rangeJa = to == null ? "位置 " + from + " 以降 " : "位置 " + from + "〜" + to + " ";
        if (scan.count() < bad.size()) {
            return Finding.within(Finding.TRUNCATED, from, to,
                    "エクスポートには " + scan.count() + " 件しかなく、署名済みツリーヘッド (" + bad.describeJapanese() + ") の " + bad.size()
                            + " 件に足りません。最初の不一致は" + rangeJa + "にあります" + agreedJa + exactnessJa,
                    "the export holds " + scan.count() + " events, fewer than the " + bad.size() + " of the signed tree head of "
                            + bad.describe() + "; the first bad position lies " + range + agreed + exactness);
        }
        return Finding.within(Finding.ROOT_MISMATCH, from, to,
                "エクスポートの最初の " + bad.size() + " 件から署名済みツリーヘッド (" + bad.describeJapanese() + ") の根が得られません。最初の不一致は"
                        + rangeJa + "にあります" + agreedJa + exactnessJa,
                "the export's first " + bad.size() + " events do not give the root of the signed tree head of " + bad.describe()
                        + "; the first bad position lies " + range + agreed + exactness);
    }

    /** The root of the first {@code size} recorded leaves, or null when the file holds fewer. */
    private byte[] recordedRoot(long size) {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        try (LeavesFile file = new LeavesFile(leaves)) {
            LeavesFile.Leaf leaf;
            while (accumulator.size() < size && (leaf = file.next()) != null) {
                accumulator.add(leaf.hash());
            }
        }
        return accumulator.size() == size ? accumulator.root() : null;
    }

    /** The first difference between the events and the first {@code head.size()} recorded leaves, walked by position. */
    private Finding walk(SignedHead head) {
        try (EventsFile eventsFile = new EventsFile(events); LeavesFile leavesFile = new LeavesFile(leaves)) {
            ExportedEvent event = eventsFile.next();
            for (long i = 0; i < head.size(); i++) {
                LeavesFile.Leaf recorded = leavesFile.next();
                if (event == null) {
                    return Finding.at(Finding.TRUNCATED, recorded.position(),
                            "エクスポートは位置 " + recorded.position() + " (葉 " + i + ") の前で終わっています。署名済みの木には " + head.size() + " 件あります",
                            "the export ends before position " + recorded.position() + " (leaf " + i + "); the signed tree of "
                                    + head.describe() + " holds " + head.size() + " events");
                }
                if (recorded.position() < event.position()) {
                    return Finding.at(Finding.MISSING, recorded.position(),
                            "署名済みの木の位置 " + recorded.position() + " (葉 " + i + ") のイベントがエクスポートにありません",
                            "the event at position " + recorded.position() + " (leaf " + i + " of the signed tree) is not in the export");
                }
                if (event.position() < recorded.position()) {
                    Finding moved = moved(event, head);
                    return moved != null ? moved : Finding.at(Finding.INSERTED, event.position(),
                            "位置 " + event.position() + " のイベントは署名済みの木にありません (木には位置 " + recorded.position() + " が次にあります)",
                            "the event at position " + event.position() + " is not in the signed tree, whose next position is " + recorded.position());
                }
                if (!Arrays.equals(event.leafHash(), recorded.hash())) {
                    Finding moved = moved(event, head);
                    return moved != null ? moved : Finding.at(Finding.ALTERED, event.position(),
                            "位置 " + event.position() + " のイベントが署名済みの木のもの (葉 " + i + ") と異なります",
                            "the event at position " + event.position() + " differs from the one in the signed tree (leaf " + i + ")");
                }
                event = eventsFile.next();
            }
        }
        return null;
    }

    /** The finding that {@code event} is the signed event of another position, or null when it is none of them. */
    private Finding moved(ExportedEvent event, SignedHead head) {
        try (LeavesFile leavesFile = new LeavesFile(leaves)) {
            for (long i = 0; i < head.size(); i++) {
                LeavesFile.Leaf recorded = leavesFile.next();
                if (recorded.position() != event.position() && Arrays.equals(event.leafAt(recorded.position()).hash(), recorded.hash())) {
                    return Finding.at(Finding.MOVED, event.position(),
                            "位置 " + event.position() + " のイベントは、署名済みの木では位置 " + recorded.position() + " (葉 " + i + ") にあるものです",
                            "the event at position " + event.position() + " is the one the signed tree has at position " + recorded.position()
                                    + " (leaf " + i + ")");
                }
            }
        }
        return null;
    }

    private static String shortKey(SignedHead head) {
        String keyId = head.head().keyId();
        return keyId.length() > 16 ? keyId.substring(0, 16) + "…" : keyId;
    }
}
