package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Moves {@code amount} from one line to another of the same fiscal year (流用): both change or
 * neither; the source may not go below zero on any day. Produces {@link FundsTransferred} and an
 * {@link AmountAmended} on each line whose cause names the transfer.
 */
public record TransferFunds(TransferId transferId, InitiativeId fromId, InitiativeId toId, Money amount, ChangeContext change)
        implements Proposal {
    public TransferFunds {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
        if (fromId.equals(toId)) {
            throw new InvalidValueException(Concept.DESTINATION_LINE, "a transfer needs two different lines");
        }
        if (amount.yen() <= 0) {
            throw new InvalidValueException(Concept.AMOUNT_CHANGE, "must be more than 0");
        }
    }
}
