package jp.budgetledger.verifier;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Inclusion and consistency proofs of the ledger ({@code GET /api/audit/proofs/…}) checked against signed tree heads. */
final class ProofChecks {

    private ProofChecks() {
    }

    /**
     * The proof that the leaf at its position is in the tree of a signed head of its size; with a scanned export also that
     * the export's event at that position is that leaf.
     *
     * @param scan the export scanned with the proof's position wanted, or null
     */
    static Result inclusion(Inputs.InclusionProof proof, Path file, List<SignedHead> heads, ExportScan scan) {
        SignedHead head = headOfSize(heads, proof.treeSize(), file);
        byte[] leaf = Inputs.hash(proof.leafHash(), file, "leafHash");
        List<byte[]> path = Inputs.hashes(proof.auditPath(), file, "auditPath");
        byte[] root = Inputs.hash(proof.rootHash(), file, "rootHash");
        long position = proof.position();
        String label = "位置 " + position + " の包含証明";
        if (!Arrays.equals(root, head.head().root())) {
            return Finding.about(Finding.INCLUSION_PROOF, label,
                    "証明の根 " + proof.rootHash() + " は署名済みツリーヘッド (" + head.describeJapanese() + ") の根ではありません",
                    "the proof is for root " + proof.rootHash() + ", not the root of the signed tree head of " + head.describe());
        }
        if (!MerkleTree.verifyInclusion(proof.leafIndex(), proof.treeSize(), leaf, path, head.head().root())) {
            return Finding.about(Finding.INCLUSION_PROOF, label,
                    "監査パスから葉 " + proof.leafIndex() + " と署名された根が得られません",
                    "the audit path does not lead from leaf " + proof.leafIndex() + " (" + proof.leafHash() + ") to the signed root of "
                            + head.describe());
        }
        String in = "leaf " + proof.leafIndex() + " of the signed tree of " + head.describe();
        String inJa = "署名済みの木 (" + head.describeJapanese() + ") の葉 " + proof.leafIndex();
        if (scan != null) {
            byte[] exported = scan.leafAt(position);
            if (exported == null) {
                return Finding.at(Finding.MISSING, position,
                        "証明された位置 " + position + " (" + inJa + ") のイベントがエクスポートにありません",
                        "the proof shows an event at position " + position + " (" + in + "), and the export has none there");
            }
            if (!Arrays.equals(exported, leaf)) {
                return Finding.at(Finding.ALTERED, position,
                        "エクスポートの位置 " + position + " のイベントは証明された葉 (" + inJa + ") と異なります",
                        "the event at position " + position + " in the export differs from the proved " + in);
            }
            return new Result.Verified("位置 " + position + " のイベントは" + inJa + "で、エクスポートのものと一致",
                    "the event at position " + position + " is " + in + ", and the export's event there is that leaf");
        }
        return new Result.Verified("位置 " + position + " の葉 " + proof.leafHash() + " は" + inJa,
                "the leaf " + proof.leafHash() + " at position " + position + " is " + in);
    }

    /** The proof that the old head's tree is a prefix of the tree of the signed head of the proof's {@code to}. */
    static Result consistency(Inputs.ConsistencyProof proof, Path file, SignedHead old, List<SignedHead> heads) {
        if (proof.from() != old.size()) {
            throw new InputException("一貫性証明は木の大きさ " + proof.from() + " からのもので、古いツリーヘッドの大きさ " + old.size() + " と合いません",
                    "the consistency proof starts at tree size " + proof.from() + ", the old tree head is of size " + old.size());
        }
        SignedHead head = headOfSize(heads, proof.to(), file);
        List<byte[]> hashes = Inputs.hashes(proof.proof(), file, "proof");
        String label = "一貫性証明 " + proof.from() + "→" + proof.to();
        if (differs(proof.fromRoot(), old, file, "fromRoot") || differs(proof.toRoot(), head, file, "toRoot")) {
            return Finding.about(Finding.CONSISTENCY_PROOF, label,
                    "証明の根 (fromRoot/toRoot) が署名済みツリーヘッドの根と異なります",
                    "the proof's fromRoot or toRoot is not the root of the signed tree head of " + old.describe() + " or " + head.describe());
        }
        if (!MerkleTree.verifyConsistency(proof.from(), proof.to(), old.head().root(), head.head().root(), hashes)) {
            return Finding.about(Finding.CONSISTENCY_PROOF, label,
                    "ツリーヘッド (" + head.describeJapanese() + ") の木は、ツリーヘッド (" + old.describeJapanese() + ") の木を先頭に含みません: 過去の履歴が書き換えられています",
                    "the tree of " + head.describe() + " does not begin with the tree of " + old.describe()
                            + ": history before it was rewritten, or the proof is not the ledger's");
        }
        return new Result.Verified("ツリーヘッド (" + head.describeJapanese() + ") の木はツリーヘッド (" + old.describeJapanese() + ") の木を先頭に含みます (追記のみ)",
                "the tree of " + head.describe() + " begins with the tree of " + old.describe() + ": the ledger only appended in between");
    }

    private static boolean differs(String root, SignedHead head, Path file, String field) {
        return root != null && !Arrays.equals(Inputs.hash(root, file, field), head.head().root());
    }

    private static SignedHead headOfSize(List<SignedHead> heads, long size, Path file) {
        return heads.stream().filter(h -> h.size() == size).findFirst().orElseThrow(() -> new InputException(
                file + " の証明は木の大きさ " + size + " のものですが、その大きさのツリーヘッドが与えられていません (--tree-head)",
                file + " is a proof for tree size " + size + ", and no tree head of that size was given (--tree-head)"));
    }
}
