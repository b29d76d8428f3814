/**
 * The independent verifier of the ledger's history: RFC 6962 Merkle hashing over the global event sequence
 * ({@link jp.budgetledger.verifier.MerkleTree}), the canonical form of an event's leaf
 * ({@link jp.budgetledger.verifier.EventLeaf}) and signed tree heads ({@link jp.budgetledger.verifier.TreeHead}), and
 * the program {@code ledger-verifier.jar} ({@link jp.budgetledger.verifier.VerifierMain}) that checks an event export and
 * the ledger's proofs against signed tree heads and the ledger's public key.
 * Depends on nothing of the ledger: an auditor can read, build and run it alone.
 */
package jp.budgetledger.verifier;
