package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Where a line carried into a fiscal year comes from: the line ({@code initiativeId}) of the year before ({@code fiscalYear}), the
 * kind of the carry-over and its id.
 */
public record CarriedFrom(InitiativeId initiativeId, FiscalYear fiscalYear, CarryoverKind kind, CarryoverId carryoverId) {

    public CarriedFrom {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(carryoverId, "carryoverId");
    }
}
