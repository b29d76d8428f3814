package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Closes (確定) {@code fiscalYear} on {@code closedOn} (the day in the ledger's time zone). Refused when the year is closed
 * already, and before its 出納整理期間 ended (after 31 May of the following year) unless {@code force}, the change's reason
 * saying why. Produces {@link FiscalYearClosed}; its handler returns the year's version (the close's sequence number).
 */
public record CloseFiscalYear(FiscalYear fiscalYear, ChangeContext change, boolean force, LocalDate closedOn) {

    public CloseFiscalYear {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(closedOn, "closedOn");
    }

    @TargetAggregateIdentifier
    public String lifeId() {
        return FiscalYearLifeId.of(fiscalYear);
    }
}
