package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.InitiativeId;

/** A transfer or supplementary budget names a line the ledger does not have. */
public class UnknownLineException extends LedgerRuleViolation {

    public UnknownLineException(String field, InitiativeId id) {
        super(field, "no line with id " + id);
    }

    @Override
    public String rule() {
        return "unknown-line";
    }
}
