package jp.budgetledger.verifier;

/** One line of the ledger's record of its leaves ({@code GET /api/audit/tree-leaves}, {@code export-tree-leaves}). */
record RecordedLeaf(Long leafIndex, Long position, String leafHash) {
}
