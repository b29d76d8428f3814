package jp.budgetledger.projections.budgets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplementary budget as recorded: its items, new lines and total difference (yen) as in force (as submitted while it is
 * a submitted bill), when it was first recorded ({@code recordedAt}, {@code position}); as a bill, its {@code procedure}
 * (assembly or senketsu), {@code state} (submitted, passed, amended, rejected, or senketsu: in force by 専決処分), its
 * {@code number} and {@code title} in its 会計's series of the year (null for a budget recorded before bills were numbered),
 * its 議案番号 {@code billNumber}, the dates ({@code submittedOn}; {@code resolvedOn} of the resolution or decision, null while
 * submitted; {@code decidedOn} of a 専決処分), when it came into force ({@code inForceAt}, {@code inForcePosition}; null while
 * submitted or when rejected), the assembly's {@code assemblyReport} (approved or disapproved) of a 専決処分 with its date,
 * and its items as submitted ({@code items}) and as amended ({@code amendedItems}, for a 修正可決).
 */
public record SupplementaryBudgetView(String id, int fiscalYear, String name, String reference, LocalDate resolvedOn, int itemCount,
                                      int newLines, long deltaYen, Instant recordedAt, long position, String procedure, String state,
                                      Integer number, String title, String billNumber, LocalDate submittedOn, LocalDate decidedOn,
                                      Instant inForceAt, Long inForcePosition, String assemblyReport, LocalDate assemblyReportOn,
                                      List<BillItem> items, List<BillItem> amendedItems) {

    public static final String SUBMITTED = "submitted";
    public static final String SENKETSU = "senketsu";

    /** One item: a line's difference, or a new line ({@code newLine}) with its amount, name and department. */
    public record BillItem(String initiativeId, long deltaYen, boolean newLine, String name, String department) {
    }

    /** True when its items are in force: passed, amended or decided by 専決処分. */
    public boolean inForce() {
        return inForcePosition != null;
    }
}
