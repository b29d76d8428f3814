package jp.budgetledger.projections.budgets;

import java.time.Instant;
import java.time.LocalDate;

/** A supplementary budget as recorded: its items, new lines, total difference (yen) and when it was recorded. */
public record SupplementaryBudgetView(String id, int fiscalYear, String name, String reference, LocalDate resolvedOn, int itemCount,
                                      int newLines, long deltaYen, Instant recordedAt, long position) {
}
