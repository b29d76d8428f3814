/**
 * The independent verifier of the ledger's history: RFC 6962 Merkle hashing over the global event sequence
 * ({@link jp.budgetledger.verifier.MerkleTree}), the canonical form of an event's leaf
 * ({@link jp.budgetledger.verifier.EventLeaf}) and signed tree heads ({@link jp.budgetledger.verifier.TreeHead}).
 * Depends on nothing of the ledger: an auditor can read, build and run it alone.
 */
package jp.budgetledger.verifier;
