package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Bars a 節 of the 会計 {@code account} as the source of any transfer in {@code fiscalYear}.
 * Refused when it is barred already. Produces {@link SetsuBarred}.
 */
public record BarSetsu(FiscalYear fiscalYear, SubjectLevel account, BarredSetsu barred, ChangeContext change) {

    public BarSetsu {
        GeneralProvisionsId.requireTarget(fiscalYear, account, change);
        Objects.requireNonNull(barred, "barred");
    }

    @TargetAggregateIdentifier
    public String provisionsId() {
        return GeneralProvisionsId.of(fiscalYear);
    }
}
