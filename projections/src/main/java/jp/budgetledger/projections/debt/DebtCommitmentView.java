package jp.budgetledger.projections.debt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 債務負担行為 as of a moment: set in {@code fiscalYear}'s budget, {@code basis} naming that budget (当初, or 補正第N号 with
 * {@code basisTitle}, the bill's title), its 事項, 会計, department, period of fiscal years and 限度額 (an amount in yen and/or
 * the words of the book) after the changes counted, {@code state} {@code in-force} or {@code abolished}, and every change
 * counted in {@code history}, oldest first.
 */
public record DebtCommitmentView(String id, int fiscalYear, String matter, String accountCode, String accountName, String department,
                                 int periodFrom, int periodTo, Long limitYen, String limitText, String supplementaryBudgetId,
                                 String basis, String basisTitle, String state, Instant recordedAt, long position,
                                 List<Change> history) {

    public static final String IN_FORCE = "in-force";
    public static final String ABOLISHED = "abolished";

    /** True when the commitment binds fiscal year {@code year}: set in its budget, or set earlier with a period covering it. */
    public boolean inForceIn(int year) {
        return fiscalYear == year || (fiscalYear < year && periodFrom <= year && year <= periodTo);
    }

    /**
     * One change: {@code kind} set, amended or abolished, by the budget {@code basis} names, with the 限度額 and period end
     * before (null when set) and after.
     */
    public record Change(String kind, String supplementaryBudgetId, String basis, String basisTitle, Long limitYenBefore,
                         String limitTextBefore, Integer periodToBefore, Long limitYen, String limitText, int periodTo,
                         LocalDate effectiveDate, String reason, String reference, Instant recordedAt, long position) {
    }
}
