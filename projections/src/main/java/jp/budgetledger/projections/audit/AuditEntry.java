package jp.budgetledger.projections.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event in the audit log. Amounts in yen; {@code subject} is the line's name or the document's title;
 * {@code subjectPath} the 会計, side and 科目 path of a classified line ({@code 1 一般会計 › 歳出 › 2 総務費 › …}), null otherwise;
 * {@code approvedBy} who approved the change beside its actor and {@code draftId} the draft (起案) it was recorded from, both
 * null when it needed no approval. A draft's own events name their kind of change as the subject and carry {@code draftId}.
 * {@code actorName} is the display name of a user signed in through the directory, beside {@code actor} (null otherwise).
 */
public record AuditEntry(long position, String eventId, String aggregateId, long sequence, String type, Integer fiscalYear,
                         String department, String categoryCode, String subject, String actor, Instant recordedAt,
                         LocalDate effectiveDate, String reason, String reference, Long amountBeforeYen,
                         Long amountAfterYen, String correlationId, String requestId, String causationId, String hash,
                         String subjectPath, String approvedBy, String draftId, String actorName) {
}
