package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.DraftId;

/** An approval or rejection names a draft the ledger does not have. */
public class UnknownDraftException extends LedgerRuleViolation {

    private final DraftId id;

    public UnknownDraftException(DraftId id) {
        super(null, "no draft with id " + id);
        this.id = id;
    }

    public DraftId id() {
        return id;
    }

    @Override
    public String rule() {
        return "unknown-draft";
    }
}
