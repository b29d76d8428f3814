package jp.budgetledger.projections;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

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

    /**
     * A classified line without a category, effective from April 1st: {@code path} is 会計 code, side, and
     * 款, 項, 目 (and optionally 事業, 節, 細節; an empty text for a level left out) as {@code code:name} each, e.g. {@code "1", "expenditure", "2:総務費", "1:総務管理費", "1:一般管理費"}.
     */
    public static InitiativeAdded classified(String id, int fy, String department, long yen, String account, String side, String... levels) {
        return new InitiativeAdded(InitiativeId.of(id), FiscalYear.of(fy), null, Department.of(department), levels[levels.length - 1],
                Money.ofYen(yen), null, new ChangeContext(LocalDate.of(fy, 4, 1), "当初予算", null), classification(account, side, levels));
    }

    /** A classification of 会計 {@code account} (code:name, or a name alone) as {@link #classified} reads it. */
    public static Classification classification(String account, String side, String... levels) {
        SubjectLevel[] l = new SubjectLevel[6];
        for (int i = 0; i < levels.length; i++) {
            l[i] = levels[i].isEmpty() ? null : level(levels[i]);
        }
        return new Classification(level(account), Side.parse(side), new Subject(l[0], l[1], l[2], l[3], l[4], l[5]), null);
    }

    private static SubjectLevel level(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? SubjectLevel.of(null, text) : SubjectLevel.of(text.substring(0, colon), text.substring(colon + 1));
    }

    public static AmountAmended amended(InitiativeAdded line, long before, long after) {
        return new AmountAmended(line.initiativeId(), line.fiscalYear(), line.category(), line.department(),
                Money.ofYen(before), Money.ofYen(after), new ChangeContext(LocalDate.of(line.fiscalYear().value(), 9, 1), "補正", null));
    }
}
