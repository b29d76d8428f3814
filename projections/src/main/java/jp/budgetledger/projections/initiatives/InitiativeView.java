package jp.budgetledger.projections.initiatives;

import java.time.Instant;

/** One budget line as it stands now. Amounts in yen. */
public record InitiativeView(
        String id,
        int fiscalYear,
        String categoryCode,
        String categoryName,
        String department,
        String name,
        String summary,
        long amountYen,
        long version,
        Instant addedAt,
        Instant updatedAt) {
}
