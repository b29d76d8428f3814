package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.FiscalYear;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A point on both time axes: {@code effectiveOn}, the day whose budget is asked for, and
 * {@code asOf}, the instant up to which recorded changes count. A day after the end of the
 * fiscal year asks for the year's final state, so it is read as the year's last day. A {@code proposed} moment adds the
 * items of every bill still submitted to the assembly (supplementary budgets awaiting resolution) as if they had passed. A moment
 * {@code withoutCarried} leaves out the lines carried from the year before (繰越明許費, 事故繰越し), as the 当初予算 does.
 */
public record Moment(LocalDate effectiveOn, Instant asOf, boolean proposed, boolean withoutCarried) {

    public Moment(LocalDate effectiveOn, Instant asOf) {
        this(effectiveOn, asOf, false, false);
    }

    public Moment(LocalDate effectiveOn, Instant asOf, boolean proposed) {
        this(effectiveOn, asOf, proposed, false);
    }

    /** The 当初予算: everything recorded until {@code asOf} at the end of the fiscal year, without the lines carried into it. */
    public static Moment initialOf(FiscalYear fiscalYear, Instant asOf) {
        return new Moment(fiscalYear.lastDay(), asOf, false, true);
    }

    /** This moment on another effective day. */
    public Moment on(LocalDate day) {
        return new Moment(day, asOf, proposed, withoutCarried);
    }

    /**
     * The year's budget as recorded until {@code asOf}, as in force at the end of the fiscal year, without the lines carried into
     * it (outside its budget): the figures before and after a supplementary budget.
     */
    public static Moment budgetOf(FiscalYear fiscalYear, Instant asOf) {
        return new Moment(fiscalYear.lastDay(), asOf, false, true);
    }

    /** Everything recorded until {@code asOf}, with every submitted bill as if passed, at the end of the fiscal year. */
    public static Moment proposed(FiscalYear fiscalYear, Instant asOf) {
        return new Moment(fiscalYear.lastDay(), asOf, true);
    }

    /** Everything recorded until {@code asOf}, as in force at the end of the fiscal year. */
    public static Moment endOf(FiscalYear fiscalYear, Instant asOf) {
        return new Moment(fiscalYear.lastDay(), asOf);
    }

    /** The effective day within {@code fiscalYear}: days after its end become its last day. */
    public LocalDate effectiveWithin(FiscalYear fiscalYear) {
        return effectiveOn.isAfter(fiscalYear.lastDay()) ? fiscalYear.lastDay() : effectiveOn;
    }
}
