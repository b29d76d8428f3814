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
        TransferFunds.requireMove(fromId, toId, amount, change, "a use of the reserve fund");
    }

    @Override
    public String changeId() {
        return useId.value();
    }
}
