package jp.budgetledger.core.api;


import java.util.Objects;

/**
 * Sets a line's 繰越明許費 limit (第2表 繰越明許費, 地方自治法 第213条), as part of the 当初予算 ({@code supplementaryBudgetId} null) or
 * of a supplementary budget of the line's fiscal year in force. A later limit replaces the earlier one. Rejected for an 歳入 line,
 * a line carried from the year before, a withdrawn line, a negative limit, a limit above the line's amount or below what was
 * carried from it already, and a supplementary budget that is unknown, of another year or not in force. Produces
 * {@link CarryoverLimitSet}; the handler returns the line's new version.
 */
public record SetCarryoverLimit(
        InitiativeId initiativeId,
        Long expectedVersion,
        Money limit,
        SupplementaryBudgetId supplementaryBudgetId,
        ChangeContext change) {

    public SetCarryoverLimit {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(change, "change");
    }
}
