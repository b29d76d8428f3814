package jp.budgetledger.core.domain;

/** Only plain amendments can be corrected; other events are reversed by their own commands. */
public class CorrectionNotAllowedException extends LedgerRuleViolation {

    public CorrectionNotAllowedException(String reason) {
        super("sequence", reason);
    }

    @Override
    public String rule() {
        return "correction-not-allowed";
    }
}
