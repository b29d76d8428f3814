package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.InitiativeId;

/** A transfer or supplementary budget names a line the ledger does not have. */
public class UnknownLineException extends LedgerRuleViolation {

    public UnknownLineException(Concept line, InitiativeId id) {
        super(line, "no line with id " + id);
    }

    @Override
    public String rule() {
        return "unknown-line";
    }
}
