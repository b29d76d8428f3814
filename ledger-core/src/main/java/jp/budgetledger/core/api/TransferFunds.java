package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * Moves {@code amount} from one line to another of the same fiscal year (流用): both change or
 * neither; the source may not go below zero on any day. Produces {@link FundsTransferred} and an
 * {@link AmountAmended} on each line whose cause names the transfer.
 * <p>
 * Between classified lines the law decides how far money may move (地方自治法 第220条第2項): within
 * one 会計 and side, never across 款, across 項 only under a 項間流用 clause of the year's 予算総則
 * that covers both lines, which the transfer cites by its article in {@code clause} (optional
 * otherwise), and never to or from a 予備費 or from a 節 the 予算総則 bars as a source.
 */
public record TransferFunds(TransferId transferId, InitiativeId fromId, InitiativeId toId, Money amount, ChangeContext change,
                            String clause) implements Proposal {

    public TransferFunds {
        Objects.requireNonNull(transferId, "transferId");
        requireMove(fromId, toId, amount, change, "a transfer");
        clause = clause == null ? null : TransferClause.article(Concept.CLAUSE, clause);
    }

    /** What a move of an amount between two lines needs: two different lines, more than 0, a change context. */
    static void requireMove(InitiativeId fromId, InitiativeId toId, Money amount, ChangeContext change, String what) {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(change, "change");
        if (fromId.equals(toId)) {
            throw new InvalidValueException(Concept.DESTINATION_LINE, what + " needs two different lines");
        }
        if (amount.yen() <= 0) {
            throw new InvalidValueException(Concept.AMOUNT_CHANGE, "must be more than 0");
        }
    }

    /** A transfer that cites no clause of the 予算総則. */
    public TransferFunds(TransferId transferId, InitiativeId fromId, InitiativeId toId, Money amount, ChangeContext change) {
        this(transferId, fromId, toId, amount, change, null);
    }

    @Override
    public String changeId() {
        return transferId.value();
    }
}
