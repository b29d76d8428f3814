package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;

/**
 * A change would leave a 会計 with lines on both sides whose 歳入 and 歳出 totals differ (地方自治法 第210条:
 * the budget balances), and the change did not say it is one side of a set still being recorded.
 */
public class UnbalancedAccountException extends LedgerRuleViolation {

    private final FiscalYear fiscalYear;
    private final String account;
    private final Money revenue;
    private final Money expenditure;

    public UnbalancedAccountException(FiscalYear fiscalYear, String account, Money revenue, Money expenditure) {
        super(null, "会計 " + account + " of fiscal year " + fiscalYear.value() + " would not balance: 歳入 " + yen(revenue) + " yen, 歳出 "
                + yen(expenditure) + " yen (flag the change as partOfSet when it is one side of a set still being recorded)");
        this.fiscalYear = fiscalYear;
        this.account = account;
        this.revenue = revenue;
        this.expenditure = expenditure;
    }

    private static String yen(Money money) {
        return String.format("%,d", money.yen());
    }

    public FiscalYear fiscalYear() {
        return fiscalYear;
    }

    /** The 会計 as printed: its code and name, or its name. */
    public String account() {
        return account;
    }

    /** The 歳入 total the change would leave. */
    public Money revenue() {
        return revenue;
    }

    /** The 歳出 total the change would leave. */
    public Money expenditure() {
        return expenditure;
    }

    @Override
    public String rule() {
        return "unbalanced-account";
    }
}
