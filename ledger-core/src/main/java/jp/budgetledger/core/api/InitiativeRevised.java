package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** A line's name and/or summary changed (the before and after of each; unchanged ones are equal). */
@Revision("1")
public record InitiativeRevised(InitiativeId initiativeId, FiscalYear fiscalYear, Department department,
                                String nameBefore, String nameAfter, String summaryBefore, String summaryAfter,
                                ChangeContext change) implements LedgerEvent {
}
