package jp.budgetledger.app.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a line's history: what happened, where it stands in the store, when it was
 * recorded and from when it applies, who did it and why, the amount before and after, and the
 * other fields the event set ({@code changes}); for a classified line its 会計, side and 科目 path as a reader sees it
 * ({@code changes.subjectPath} on its addition, {@code subjectPathBefore} and {@code subjectPathAfter} on a move to another 科目);
 * for a change that needed four-eyes approval, who approved it beside its actor ({@code approvedBy}) and the draft (起案) it
 * was recorded from ({@code draftId}), both null otherwise; for a user signed in through the directory, the display name
 * beside the actor's stable user name ({@code actorName}, null otherwise).
 */
public record HistoryEntry(String type, long sequence, Long position, Instant recordedAt, LocalDate effectiveDate,
                           String actor, String reason, String reference, Long amountBeforeYen, Long amountAfterYen,
                           Map<String, Object> changes, String correlationId, String requestId, String causationId,
                           String hash, String approvedBy, String draftId, String actorName) {
}
