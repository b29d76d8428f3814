package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * The close of the fiscal year recorded as the year's event {@code closeSequence} (at {@code closePosition} in the store) was
 * sealed: {@code head} is a tree head of the store's Merkle log, signed by the ledger, whose tree includes that close.
 */
@Revision("1")
public record FiscalYearSealed(FiscalYear fiscalYear, ChangeContext change, long closeSequence, long closePosition, TreeHead head)
        implements FiscalYearLifeEvent {

    /** A signed tree head as the ledger signs it (what {@code ledger-verifier} checks) and the position of its last event. */
    public record TreeHead(long treeSize, String rootHash, String timestamp, String keyId, String signature, long lastPosition) {
    }
}
