package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Reopens the closed {@code fiscalYear} on {@code reopenedOn}: a proposal that always waits for another user's approval,
 * whatever {@code ledger.approval.required-for} says, and is refused unless it is carried out from an approved draft.
 * Refused when the year is not closed. Produces {@link FiscalYearReopened}; its handler returns the year's version.
 */
public record ReopenFiscalYear(FiscalYear fiscalYear, ChangeContext change, LocalDate reopenedOn) implements Proposal {

    public ReopenFiscalYear {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reopenedOn, "reopenedOn");
    }

    @TargetAggregateIdentifier
    @JsonIgnore
    public String lifeId() {
        return FiscalYearLifeId.of(fiscalYear);
    }

    @Override
    public String changeId() {
        return lifeId();
    }
}
