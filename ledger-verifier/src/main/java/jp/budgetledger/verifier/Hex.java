package jp.budgetledger.verifier;

import java.util.HexFormat;

/** SHA-256 hashes as lowercase hex. */
final class Hex {

    private Hex() {
    }

    /**
     * @throws IllegalArgumentException when the text is not 64 hex digits
     */
    static byte[] hash(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, not " + (hex == null ? "nothing" : "\"" + abbreviate(hex) + "\""));
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, not \"" + abbreviate(hex) + "\"");
        }
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "…";
    }
}
