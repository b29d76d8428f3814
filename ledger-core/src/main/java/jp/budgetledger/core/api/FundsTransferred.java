package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/** {@code amount} moved from line {@code fromId} to line {@code toId}. */
@Revision("1")
public record FundsTransferred(TransferId transferId, FiscalYear fiscalYear, InitiativeId fromId, InitiativeId toId, Money amount,
                               ChangeContext change) implements LedgerEvent {
}
