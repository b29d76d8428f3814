package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * {@code amount} moved from line {@code fromId} to line {@code toId}. {@code level} is the highest
 * level of the 科目 path at which the two lines differ ({@code kou}, {@code moku}, {@code jigyou},
 * {@code setsu}, {@code saisetsu}; see {@link Subject.Level#code()}), null when either line is
 * unclassified or both have the same path; {@code clause} the article of the 予算総則 clause the
 * transfer cited, if any. Both are null in events recorded before they existed.
 */
@Revision("1")
public record FundsTransferred(TransferId transferId, FiscalYear fiscalYear, InitiativeId fromId, InitiativeId toId, Money amount,
                               ChangeContext change, String level, String clause) implements LedgerEvent {

    /** A transfer that crossed no level of a 科目 path and cited no clause. */
    public FundsTransferred(TransferId transferId, FiscalYear fiscalYear, InitiativeId fromId, InitiativeId toId, Money amount,
                            ChangeContext change) {
        this(transferId, fiscalYear, fromId, toId, amount, change, null, null);
    }
}
