package jp.budgetledger.verifier;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks on the tree heads themselves, before anything is checked against them. */
final class TreeHeads {

    private TreeHeads() {
    }

    /** The first head whose signature does not verify with {@code key} (or that names another key), or null. */
    static Finding firstUnsigned(List<SignedHead> heads, PublicKey key) {
        String keyId = PublicKeys.keyId(key);
        for (SignedHead head : heads) {
            if (!head.head().verifies(key)) {
                String otherKey = keyId.equals(head.head().keyId()) ? "" : "; it names key " + head.head().keyId() + ", the key given is " + keyId;
                String otherKeyJa = keyId.equals(head.head().keyId()) ? "" : "。鍵 " + head.head().keyId() + " を名乗っていますが、与えられた鍵は " + keyId + " です";
                return Finding.about(Finding.TREE_HEAD_SIGNATURE, "ツリーヘッド " + head.source(),
                        head.source() + " のツリーヘッド (" + head.describeJapanese() + ") の署名がこの公開鍵で検証できません" + otherKeyJa,
                        "the signature of the tree head of " + head.describe() + " in " + head.source()
                                + " does not verify with the public key given" + otherKey);
            }
        }
        return null;
    }

    /** Two signed heads of one size with different roots (the ledger signed two histories), or null. */
    static Finding firstConflict(List<SignedHead> heads) {
        Map<Long, SignedHead> bySize = new LinkedHashMap<>();
        for (SignedHead head : heads) {
            SignedHead same = bySize.putIfAbsent(head.size(), head);
            if (same != null && !Arrays.equals(same.head().root(), head.head().root())) {
                return Finding.about(Finding.ROOT_MISMATCH, "ツリーヘッド " + same.source() + " と " + head.source(),
                        "同じ木の大きさ " + head.size() + " の署名済みツリーヘッドが2つあり、根が異なります: 台帳は2つの異なる履歴に署名しています",
                        "two signed tree heads of size " + head.size() + " (" + same.source() + ", " + head.source()
                                + ") have different roots: the ledger signed two different histories");
            }
        }
        return null;
    }

    /** One head per size, ascending. */
    static List<SignedHead> bySize(List<SignedHead> heads) {
        Map<Long, SignedHead> bySize = new LinkedHashMap<>();
        heads.stream().sorted(Comparator.comparingLong(SignedHead::size)).forEach(head -> bySize.putIfAbsent(head.size(), head));
        return List.copyOf(bySize.values());
    }

    static Set<Long> sizes(List<SignedHead> heads) {
        return heads.stream().map(SignedHead::size).collect(Collectors.toSet());
    }
}
