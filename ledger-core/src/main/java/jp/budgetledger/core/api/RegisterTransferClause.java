package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Registers a 項間流用 clause of the 予算総則 of {@code fiscalYear} for the 会計 {@code account}.
 * Refused when the 会計 has a clause under the same article that year. Produces {@link TransferClauseRegistered}.
 */
public record RegisterTransferClause(FiscalYear fiscalYear, SubjectLevel account, TransferClause clause, ChangeContext change) {

    public RegisterTransferClause {
        GeneralProvisionsId.requireTarget(fiscalYear, account, change);
        Objects.requireNonNull(clause, "clause");
    }

    @TargetAggregateIdentifier
    public String provisionsId() {
        return GeneralProvisionsId.of(fiscalYear);
    }
}
