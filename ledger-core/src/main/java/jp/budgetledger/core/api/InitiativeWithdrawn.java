package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** A budget line was withdrawn from {@code change.effectiveDate()}; {@code amountBefore} was its amount. */
@Revision("1")
public record InitiativeWithdrawn(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                                  Money amountBefore, ChangeContext change) implements LedgerEvent {
}
