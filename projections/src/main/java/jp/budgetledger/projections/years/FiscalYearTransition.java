package jp.budgetledger.projections.years;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a fiscal year's life as recorded: a close ({@code forced} when before the end of its 出納整理期間), the seal of
 * the close recorded as the year's event {@code closeSequence} (with its signed tree head), or a reopening (with its approver
 * and draft).
 */
public record FiscalYearTransition(long position, int fiscalYear, String kind, long sequence, Instant recordedAt,
                                   LocalDate effectiveDate, String actor, String approvedBy, String draftId, String reason,
                                   String reference, Boolean forced, Long closeSequence, Long closePosition, Long treeSize,
                                   String rootHash, String signedAt, String keyId, String signature) {

    public static final String CLOSED = "closed";
    public static final String SEALED = "sealed";
    public static final String REOPENED = "reopened";

    public boolean isClose() {
        return CLOSED.equals(kind);
    }

    public boolean isSeal() {
        return SEALED.equals(kind);
    }

    public boolean isReopening() {
        return REOPENED.equals(kind);
    }
}
