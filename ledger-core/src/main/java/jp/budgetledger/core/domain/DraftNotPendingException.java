package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.DraftId;

import java.util.Locale;

/** A draft that was already approved or rejected cannot be decided again. */
public class DraftNotPendingException extends LedgerRuleViolation {

    public DraftNotPendingException(DraftId id, Draft.State state) {
        super(null, "draft " + id + " is not pending: it was " + state.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String rule() {
        return "draft-not-pending";
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
