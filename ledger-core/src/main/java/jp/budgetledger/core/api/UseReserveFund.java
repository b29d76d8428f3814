package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Uses a 会計's reserve fund (予備費充用, 地方自治法 第217条): moves {@code amount} from the reserve line
 * {@code fromId} into the 歳出 line {@code toId} of the same 会計 and fiscal year, which is not a
 * reserve itself; the reserve may not go below zero on any day. Both change or neither. Produces
 * {@link ReserveFundUsed} and an {@link AmountAmended} on each line whose cause names the use
 * ({@link ChangeCause#reserveFund}).
 */
public record UseReserveFund(ReserveFundUseId useId, InitiativeId fromId, InitiativeId toId, Money amount, ChangeContext change)
        implements Proposal {

    public UseReserveFund {
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
        if (fromId.equals(toId)) {
            throw new InvalidValueException(Concept.DESTINATION_LINE, "a use of the reserve fund needs two different lines");
        }
        if (amount.yen() <= 0) {
            throw new InvalidValueException(Concept.AMOUNT_CHANGE, "must be more than 0");
        }
    }
}
