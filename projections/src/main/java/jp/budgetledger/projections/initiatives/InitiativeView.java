package jp.budgetledger.projections.initiatives;

import com.fasterxml.jackson.annotation.JsonProperty;
import jp.budgetledger.core.api.ReserveFund;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;

import java.time.Instant;

/**
 * One budget line as it stands now. Amounts in yen; {@code status} is ACTIVE or WITHDRAWN. A
 * classified line has its 会計 ({@code accountCode} optional, {@code accountName}), {@code side},
 * {@code subject} (款 › 項 › 目 …) and optionally {@code departmentCode}, and may have no category; all
 * of them are null for an unclassified line. {@code reserveFund} says whether the line is its 会計's 予備費. {@code carriedFrom} is set
 * for a line a carry-over opened; {@code carryoverLimitYen} is the line's 繰越明許費 limit (null for none), set by the 当初予算 or by
 * the supplementary budget {@code carryoverLimitBudgetId}, and {@code carriedOverYen} what was carried from it into the next year.
 */
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
        Instant updatedAt,
        String accountCode,
        String accountName,
        Side side,
        Subject subject,
        String departmentCode,
        CarriedFrom carriedFrom,
        Long carryoverLimitYen,
        String carryoverLimitBudgetId,
        long carriedOverYen) {

    /**
     * Where a line carried from the year before comes from (the line, its fiscal year, the kind of carry-over, explicit or
     * accident, and its id); null for every other line.
     */
    public record CarriedFrom(String initiativeId, int fiscalYear, String kind, String carryoverId) {
    }

    public static final String ACTIVE = "ACTIVE";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** True for a 会計's reserve fund (予備費): a classified line whose 款 is named 予備費. */
    @JsonProperty("reserveFund")
    public boolean reserveFund() {
        return subject != null && ReserveFund.isKan(subject.kan());
    }
}
