package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * {@code amount} of a line of fiscal year N was carried into N+1 as line {@code carriedLineId} ({@code kind}: 繰越明許費 or
 * 事故繰越し), funded as {@code funding}; the line's own amount is unchanged. {@code limit} is the line's 繰越明許費 limit when
 * it was recorded (null for none), {@code accidentReason} the reason of a 事故繰越し, {@code decidedOn} the day it was decided
 * (null when not given). Permitted after the year ended, until it is closed.
 */
@Revision("1")
public record AmountCarriedOver(
        CarryoverId carryoverId,
        CarryoverKind kind,
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        InitiativeId carriedLineId,
        Money amount,
        CarryoverFunding funding,
        Money limit,
        String accidentReason,
        LocalDate decidedOn,
        ChangeContext change) implements LedgerEvent, PermittedAfterYearEnd {
}
