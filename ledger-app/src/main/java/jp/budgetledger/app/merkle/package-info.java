/**
 * The signed Merkle log over the global event sequence (RFC 6962 hashing, the formats of
 * {@code jp.budgetledger.verifier}): the leaves and complete subtrees kept in {@code merkle_leaf} and
 * {@code merkle_node}, built in position order up to the settled head; tree heads signed with the
 * ledger's Ed25519 key and kept in {@code signed_tree_head}; inclusion and consistency proofs; and the
 * check of the store against a signed tree head that names the first position that disagrees.
 */
package jp.budgetledger.app.merkle;
