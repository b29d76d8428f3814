package jp.budgetledger.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 (section 2.1; RFC 9162 section 2.1) with SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || data)}, an inner node as {@code SHA-256(0x01 || left || right)}, the empty tree as
 * {@code SHA-256()}, and a tree of {@code n > 1} leaves splits at the largest power of two smaller than {@code n}.
 * Inclusion and consistency proofs are built from the hashes of complete, aligned subtrees ({@link Nodes}) and
 * verified with the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    /**
     * The hashes of complete subtrees: {@code node(level, index)} is the hash of leaves
     * {@code [index * 2^level, (index + 1) * 2^level)}; level 0 is the leaf hashes themselves.
     */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF);
        return digest.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root of the tree over {@code leaves} (leaf hashes). */
    public static byte[] root(List<byte[]> leaves) {
        return root(inMemory(leaves), leaves.size());
    }

    /** The root of the first {@code size} leaves. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : range(nodes, 0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 6962 PATH(m, D[n])). */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, index, 0, size, path);
        return path;
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves (RFC 6962 PROOF(m, D[n])). */
    public static List<byte[]> consistencyProof(Nodes nodes, long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("a tree of " + from + " leaves is no prefix of one of " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(nodes, from, 0, to, true, proof);
        }
        return proof;
    }

    /** RFC 9162 2.1.3.2: whether {@code path} proves leaf {@code index} with hash {@code leaf} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree of {@code from} leaves with {@code fromRoot} a prefix of the one of {@code to} with {@code toRoot}. */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty() && Arrays.equals(fromRoot, emptyRoot());
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot);
    }

    /** The complete subtrees of {@code leaves}, computed in memory: for a verifier that holds every leaf. */
    public static Nodes inMemory(List<byte[]> leaves) {
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(leaves);
        List<byte[]> below = leaves;
        while (below.size() > 1) {
            List<byte[]> above = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                above.add(nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(above);
            below = above;
        }
        return (level, index) -> levels.get(level).get(Math.toIntExact(index));
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH(D[start:end]); every complete subtree reached is aligned, so it is one stored node. */
    private static byte[] range(Nodes nodes, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = split(n);
        return nodeHash(range(nodes, start, start + k), range(nodes, start + k, end));
    }

    private static void path(Nodes nodes, long index, long start, long end, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < start + k) {
            path(nodes, index, start, start + k, path);
            path.add(range(nodes, start + k, end));
        } else {
            path(nodes, index, start + k, end, path);
            path.add(range(nodes, start, start + k));
        }
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(range(nodes, start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(range(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(range(nodes, start, start + k));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
