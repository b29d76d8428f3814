package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.FiscalYear;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A point on both time axes: {@code effectiveOn}, the day whose budget is asked for, and
 * {@code asOf}, the instant up to which recorded changes count. A day after the end of the
 * fiscal year asks for the year's final state, so it is read as the year's last day.
 */
public record Moment(LocalDate effectiveOn, Instant asOf) {

    /** Everything recorded until {@code asOf}, as in force at the end of the fiscal year. */
    public static Moment endOf(FiscalYear fiscalYear, Instant asOf) {
        return new Moment(fiscalYear.lastDay(), asOf);
    }

    /** The effective day within {@code fiscalYear}: days after its end become its last day. */
    public LocalDate effectiveWithin(FiscalYear fiscalYear) {
        return effectiveOn.isAfter(fiscalYear.lastDay()) ? fiscalYear.lastDay() : effectiveOn;
    }
}
