package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;

/** A fiscal year's 予算総則 has the clause or the barred 節 a command would register already. */
public class ProvisionConflictException extends NamedRuleViolation {

    public static final String DUPLICATE_CLAUSE = "duplicate-clause";
    public static final String SETSU_ALREADY_BARRED = "setsu-already-barred";

    ProvisionConflictException(Concept concept, String rule, String message) {
        super(rule, concept, message);
    }

    @Override
    public boolean isConflict() {
        return true;
    }
}
