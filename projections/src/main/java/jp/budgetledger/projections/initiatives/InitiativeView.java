package jp.budgetledger.projections.initiatives;

import java.time.Instant;

/** One budget line as it stands now. Amounts in yen; {@code status} is ACTIVE or WITHDRAWN. */
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
        String status,
        Instant addedAt,
        Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String WITHDRAWN = "WITHDRAWN";
}
