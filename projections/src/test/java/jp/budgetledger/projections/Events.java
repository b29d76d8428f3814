package jp.budgetledger.projections;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;

import java.time.LocalDate;

/** Builders of events for projection tests. */
public final class Events {

    private Events() {
    }

    public static InitiativeAdded added(String id, int fy, String categoryCode, String department, String name, long yen) {
        return new InitiativeAdded(InitiativeId.of(id), FiscalYear.of(fy), new Category(categoryCode, "分類" + categoryCode),
                Department.of(department), name, Money.ofYen(yen), "概要",
                new ChangeContext(LocalDate.of(fy, 4, 1), "当初予算", null));
    }

    public static AmountAmended amended(InitiativeAdded line, long before, long after) {
        return new AmountAmended(line.initiativeId(), line.fiscalYear(), line.category(), line.department(),
                Money.ofYen(before), Money.ofYen(after), new ChangeContext(LocalDate.of(line.fiscalYear().value(), 9, 1), "補正", null));
    }
}
