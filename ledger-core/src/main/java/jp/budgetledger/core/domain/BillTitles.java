package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.SubjectLevel;

/** The title of a supplementary budget: 「令和N年度○○会計補正予算（第M号）」, 令和元年度 for 2019 and 平成N年度 before. */
public final class BillTitles {

    private static final int REIWA_OFFSET = 2018;
    private static final int HEISEI_OFFSET = 1988;

    private BillTitles() {
    }

    /** {@code account} null for the series of lines without a 会計: 「令和N年度補正予算（第M号）」. */
    public static String title(FiscalYear fiscalYear, SubjectLevel account, int number) {
        boolean reiwa = fiscalYear.value() > REIWA_OFFSET;
        int year = fiscalYear.value() - (reiwa ? REIWA_OFFSET : HEISEI_OFFSET);
        String era = (reiwa ? "令和" : "平成") + (year == 1 ? "元" : Integer.toString(year));
        return era + "年度" + (account == null ? "" : account.name()) + "補正予算（第" + number + "号）";
    }
}
