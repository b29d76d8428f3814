package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** A violation of one of a family of rules that share an exception type; {@link #rule()} names the rule. */
abstract class NamedRuleViolation extends LedgerRuleViolation {

    private final String rule;

    NamedRuleViolation(String rule, Concept concept, String message) {
        super(concept, message);
        this.rule = rule;
    }

    @Override
    public String rule() {
        return rule;
    }
}
