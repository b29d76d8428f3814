package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Proposal;

/**
 * Checks a proposal against every rule its execution would apply now, changing nothing: it throws
 * the {@link LedgerRuleViolation} the command itself would throw.
 */
@FunctionalInterface
public interface ProposalCheck {

    /** @return the fiscal year the proposal changes */
    FiscalYear check(Proposal proposal);
}
