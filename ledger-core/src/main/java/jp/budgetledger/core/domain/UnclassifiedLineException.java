package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** A line without a 会計 and 科目 (such as a line of the bundled 別紙) cannot be moved to another 科目. */
public class UnclassifiedLineException extends LedgerRuleViolation {

    public UnclassifiedLineException() {
        super(Concept.SUBJECT, "the line has no 会計 and 科目, so it cannot move to another 科目");
    }

    @Override
    public String rule() {
        return "unclassified-line";
    }
}
