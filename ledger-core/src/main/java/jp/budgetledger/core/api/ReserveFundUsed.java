package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** {@code amount} of the reserve fund (予備費) line {@code fromId} was used for the 歳出 line {@code toId} (予備費充用). */
@Revision("1")
public record ReserveFundUsed(ReserveFundUseId useId, FiscalYear fiscalYear, InitiativeId fromId, InitiativeId toId, Money amount,
                              ChangeContext change) implements LedgerEvent {
}
