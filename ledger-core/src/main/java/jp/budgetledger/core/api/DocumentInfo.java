package jp.budgetledger.core.api;

/**
 * Where an import came from: the document's title, its attachment label (別紙3), the unit it
 * printed amounts in, and the SHA-256 of its bytes.
 */
public record DocumentInfo(String title, String attachment, String unit, String sha256) {
}
