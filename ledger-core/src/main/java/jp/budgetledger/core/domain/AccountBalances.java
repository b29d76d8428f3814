package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;

/** The current balance of each 会計 as the recorded changes leave it (see {@link AccountBalance}). */
public interface AccountBalances {

    /** The balance of the 会計 with key {@code accountKey} in {@code fiscalYear}; all zero when it has no lines. */
    AccountBalance of(FiscalYear fiscalYear, String accountKey);
}
