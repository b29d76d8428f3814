package jp.budgetledger.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head: the ledger's statement that the first {@code treeSize} events of its global sequence have
 * the Merkle root {@code rootHash} (lowercase hex), made at {@code timestamp} (ISO-8601, UTC, signed as the text
 * given) with the Ed25519 key {@code keyId} ({@link PublicKeys#keyId}). {@code signature} is the base64 Ed25519
 * signature of {@link #signedMessage()}: in UTF-8, {@code "budget-ledger-tree-head-v1"}, treeSize, rootHash,
 * timestamp and keyId, each on its own line, separated by line feeds, without a final one.
 */
public record TreeHead(long treeSize, String rootHash, String timestamp, String keyId, String signature) {

    static final String VERSION = "budget-ledger-tree-head-v1";
    private static final String ALGORITHM = "Ed25519";

    /** The bytes the signature covers. */
    public byte[] signedMessage() {
        return String.join("\n", VERSION, Long.toString(treeSize), rootHash, timestamp, keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** The tree head with its fields signed by {@code key}. */
    public static TreeHead sign(long treeSize, byte[] root, String timestamp, PublicKey publicKey, PrivateKey key) {
        TreeHead unsigned = new TreeHead(treeSize, HexFormat.of().formatHex(root), timestamp, PublicKeys.keyId(publicKey), null);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signedMessage());
            return new TreeHead(treeSize, unsigned.rootHash(), timestamp, unsigned.keyId(), Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the tree head", e);
        }
    }

    /** Whether the signature is valid for {@code publicKey} and names that key. */
    public boolean verifies(PublicKey publicKey) {
        if (signature == null || rootHash == null || timestamp == null || !PublicKeys.keyId(publicKey).equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(signedMessage());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The root as bytes. */
    public byte[] root() {
        return HexFormat.of().parseHex(rootHash);
    }
}
