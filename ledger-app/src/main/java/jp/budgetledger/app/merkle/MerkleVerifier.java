package jp.budgetledger.app.merkle;

import jp.budgetledger.app.audit.StoreDigest;
import jp.budgetledger.app.audit.StoreVerifier;
import jp.budgetledger.app.audit.VerificationReport;
import jp.budgetledger.app.audit.VerificationReport.Problem;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.verifier.MerkleTree;
import jp.budgetledger.verifier.TreeHead;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store checked against the Merkle log, on top of {@link StoreVerifier}'s checks of hashes and chains:
 * <ul>
 *   <li>always, the ledger's own record: each event's recomputed leaf against {@code merkle_leaf} (in position order:
 *   {@code missing}, {@code inserted}, {@code altered}, {@code moved}, {@code truncated}), no event above the last
 *   position the store's sequence handed out ({@code inserted}), and each kept signed head against the recorded
 *   leaves ({@code tree-head-signature}, {@code root-mismatch} bounded by the heads around it);</li>
 *   <li>with a signed tree head given, the localisation of design 21: its signature ({@code tree-head-signature}),
 *   the root of the store's first {@code treeSize} events, and when that differs, the first position that disagrees
 *   (from the recorded leaves when they still give the signed root, else {@code root-mismatch} bounded by the
 *   ledger's own signed heads).</li>
 * </ul>
 * Reads in pages: memory stays bounded by the depth of the tree.
 */
@Service
public class MerkleVerifier {

    private static final int PAGE = 1_000;
    private static final HexFormat HEX = HexFormat.of();

    private final StoreVerifier storeVerifier;
    private final StoredEvents store;
    private final MerkleLog log;
    private final SigningKey key;

    public MerkleVerifier(StoreVerifier storeVerifier, StoredEvents store, MerkleLog log, TreeHeadSigner signer) {
        this.storeVerifier = storeVerifier;
        this.store = store;
        this.log = log;
        this.key = signer.key();
    }

    /**
     * @param kept a digest kept earlier, or null
     * @param head a signed tree head kept earlier, or null
     */
    public VerificationReport verify(StoreDigest kept, TreeHead head) {
        VerificationReport report = storeVerifier.verify(kept);
        List<Problem> problems = new ArrayList<>(ownRecord());
        VerificationReport.TreeHeadCheck check = null;
        if (head != null) {
            check = against(head);
            if (check.firstProblem() != null && !problems.contains(check.firstProblem())) {
                problems.add(0, check.firstProblem());
            }
        }
        return report.with(problems, check);
    }

    /** The store against the given signed head. */
    public VerificationReport.TreeHeadCheck against(TreeHead head) {
        long n = head.treeSize();
        if (!head.verifies(key.publicKey())) {
            return new VerificationReport.TreeHeadCheck(n, head.rootHash(), head.keyId(), false, null, false,
                    new Problem(0, null, null, null, "tree-head-signature", key.keyId().equals(head.keyId())
                            ? "the tree head's signature is not the ledger's: its fields were changed after signing"
                            : "the tree head is signed with key " + head.keyId() + ", not the ledger's key " + key.keyId()));
        }
        List<SignedTreeHead> own = log.headsAscending();
        TreeMap<Long, Checkpoint> sizes = new TreeMap<>();
        sizes.put(n, null);
        own.forEach(h -> sizes.put(h.treeSize(), null));
        rootsOfEvents(sizes);
        Checkpoint actual = sizes.get(n);
        String actualRoot = actual == null ? null : HEX.formatHex(actual.root());
        if (head.rootHash().equals(actualRoot)) {
            return new VerificationReport.TreeHeadCheck(n, head.rootHash(), head.keyId(), true, actualRoot, true, null);
        }
        Problem problem;
        if (n <= log.size() && Arrays.equals(recordedRoot(n), head.root())) {
            problem = walk(n).orElseGet(() -> new Problem(0, null, null, null, "root-mismatch",
                    "the store's first " + n + " events give another root than the signed one"));
        } else {
            problem = bounded(n, own, sizes);
        }
        return new VerificationReport.TreeHeadCheck(n, head.rootHash(), head.keyId(), true, actualRoot, false, problem);
    }

    /** The ledger's own record against the store: the first problem of each kind of check. */
    private List<Problem> ownRecord() {
        List<Problem> problems = new ArrayList<>();
        walk(log.size()).ifPresent(problems::add);
        long lastLeaf = log.lastPosition();
        long assigned = store.lastAssignedPosition();
        store.page(Math.max(lastLeaf, assigned), Long.MAX_VALUE, 1).stream().findFirst().ifPresent(row -> problems.add(
                problem(row, "inserted", "the event stands above position " + assigned + ", the last the store's sequence handed out: "
                        + "it was not appended by the ledger")));
        ownHeads().ifPresent(problems::add);
        return problems;
    }

    private Optional<Problem> ownHeads() {
        List<SignedTreeHead> heads = log.headsAscending();
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        SignedTreeHead agreed = null;
        Roots roots = new Roots();
        int next = 0;
        long after = -1;
        long size = 0;
        while (next < heads.size()) {
            SignedTreeHead head = heads.get(next);
            while (size < head.treeSize()) {
                List<MerkleLog.Leaf> page = log.leaves(after, head.treeSize(), PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (MerkleLog.Leaf leaf : page) {
                    roots.add(leaf.hash());
                    after = leaf.index();
                    size++;
                }
            }
            if (key.keyId().equals(head.keyId()) && !head.treeHead().verifies(key.publicKey())) {
                return Optional.of(new Problem(head.lastPosition(), null, null, null, "tree-head-signature",
                        "the kept tree head of size " + head.treeSize() + " no longer carries a valid signature"));
            }
            if (size < head.treeSize() || !head.rootHash().equals(HEX.formatHex(roots.root()))) {
                long from = agreed == null ? 1 : agreed.lastPosition() + 1;
                return Optional.of(new Problem(from, null, null, null, "root-mismatch",
                        "the ledger's recorded leaves no longer give the root signed for tree size " + head.treeSize()
                                + ": the first bad position lies in positions " + from + ".." + head.lastPosition()));
            }
            agreed = head;
            next++;
        }
        return Optional.empty();
    }

    /** The first place where the store and the first {@code below} recorded leaves disagree. */
    private Optional<Problem> walk(long below) {
        Cursor events = new Cursor();
        long after = -1;
        StoredEvents.Row event = events.next();
        while (true) {
            List<MerkleLog.Leaf> page = log.leaves(after, below, PAGE);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            for (MerkleLog.Leaf leaf : page) {
                after = leaf.index();
                if (event != null && event.position() < leaf.position()) {
                    return Optional.of(problem(event, "inserted",
                            "the tree has no event at this position, which lies below its last: the event was inserted"));
                }
                if (event == null) {
                    return Optional.of(new Problem(leaf.position(), null, null, null, "truncated",
                            "the store ends before position " + leaf.position() + ": it holds fewer events than the tree's " + below));
                }
                if (event.position() > leaf.position()) {
                    return Optional.of(new Problem(leaf.position(), null, null, null, "missing",
                            "the tree has leaf " + leaf.index() + " at this position, the store no longer holds an event there"));
                }
                byte[] actual = Leaves.hash(event);
                if (!Arrays.equals(actual, leaf.hash())) {
                    Optional<MerkleLog.Leaf> elsewhere = log.leafWithHash(actual).filter(other -> other.index() != leaf.index());
                    return Optional.of(elsewhere.isPresent()
                            ? problem(event, "moved", "the event's leaf is the tree's leaf " + elsewhere.get().index()
                            + " (position " + elsewhere.get().position() + ")")
                            : problem(event, "altered", "the event's leaf differs from leaf " + leaf.index() + " of the tree"));
                }
                event = events.next();
            }
        }
    }

    private Problem bounded(long n, List<SignedTreeHead> own, TreeMap<Long, Checkpoint> sizes) {
        SignedTreeHead agreed = null;
        for (SignedTreeHead head : own) {
            Checkpoint at = sizes.get(head.treeSize());
            if (at == null || !head.rootHash().equals(HEX.formatHex(at.root()))) {
                long from = agreed == null ? 1 : agreed.lastPosition() + 1;
                return new Problem(from, null, null, null, "root-mismatch", "the store's first " + n
                        + " events give another root than the signed one, and the ledger's own record is altered too; the first bad "
                        + "position lies in positions " + from + ".." + head.lastPosition() + " (the ledger's signed head of size "
                        + head.treeSize() + " disagrees with the store)");
            }
            agreed = head;
        }
        long from = agreed == null ? 1 : agreed.lastPosition() + 1;
        Checkpoint end = sizes.get(n);
        return new Problem(from, null, null, null, "root-mismatch", "the store's first " + n
                + " events give another root than the signed one; the first bad position lies at or after position " + from
                + (end == null ? "" : " and at or before " + end.position()));
    }

    /** Fills {@code sizes} with the root of the store's first k recomputed leaves for each size k it holds (null when fewer events). */
    private void rootsOfEvents(TreeMap<Long, Checkpoint> sizes) {
        Roots roots = new Roots();
        Cursor events = new Cursor();
        long count = 0;
        if (sizes.containsKey(0L)) {
            sizes.put(0L, new Checkpoint(MerkleTree.emptyRoot(), 0));
        }
        long last = sizes.lastKey();
        StoredEvents.Row event;
        while (count < last && (event = events.next()) != null) {
            roots.add(Leaves.hash(event));
            count++;
            if (sizes.containsKey(count)) {
                sizes.put(count, new Checkpoint(roots.root(), event.position()));
            }
        }
    }

    private byte[] recordedRoot(long n) {
        Roots roots = new Roots();
        long after = -1;
        List<MerkleLog.Leaf> page;
        while (!(page = log.leaves(after, n, PAGE)).isEmpty()) {
            for (MerkleLog.Leaf leaf : page) {
                roots.add(leaf.hash());
                after = leaf.index();
            }
        }
        return roots.root();
    }

    private static Problem problem(StoredEvents.Row row, String kind, String detail) {
        return new Problem(row.position(), row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(), kind, detail);
    }

    private record Checkpoint(byte[] root, long position) {
    }

    /** The store's events in position order, a page at a time. */
    private final class Cursor {
        private List<StoredEvents.Row> page = List.of();
        private int index;
        private long after;
        private boolean exhausted;

        StoredEvents.Row next() {
            if (index >= page.size() && !exhausted) {
                page = store.page(after, Long.MAX_VALUE, PAGE);
                index = 0;
                exhausted = page.isEmpty();
            }
            if (index >= page.size()) {
                return null;
            }
            StoredEvents.Row row = page.get(index++);
            after = row.position();
            return row;
        }
    }

    /** The RFC 6962 root of leaves added one by one, keeping only the complete subtrees of the binary decomposition. */
    static final class Roots {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();

        void add(byte[] leaf) {
            byte[] hash = leaf;
            int level = 0;
            while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
                hash = MerkleTree.nodeHash(hashes.remove(hashes.size() - 1), hash);
                levels.remove(levels.size() - 1);
                level++;
            }
            hashes.add(hash);
            levels.add(level);
        }

        byte[] root() {
            if (hashes.isEmpty()) {
                return MerkleTree.emptyRoot();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = MerkleTree.nodeHash(hashes.get(i), root);
            }
            return root;
        }
    }
}
