package jp.budgetledger.projections.audit;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DebtCommitmentAbolished;
import jp.budgetledger.core.api.DebtCommitmentAmended;
import jp.budgetledger.core.api.DebtCommitmentSet;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.ContinuingExpenseCarriedForward;
import jp.budgetledger.core.api.ContinuingExpenseRegistered;
import jp.budgetledger.core.api.DraftEvent;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.UseReserveFund;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.SubmitSupplementaryBudget;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.ReserveFundUsed;
import jp.budgetledger.core.api.SetsuBarred;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.TransferClauseRegistered;
import jp.budgetledger.core.api.SupplementaryBudgetResolved;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.ResolutionOutcome;
import jp.budgetledger.core.api.AssemblyReportOutcome;
import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.AmountCarriedOver;
import jp.budgetledger.core.api.CarryoverLimitSet;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.ProcessingBatch;
import jp.budgetledger.projections.RowArrays;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code audit_event}: one row per ledger event, keyed by its own position in the store
 * ({@link StorePosition}): a tracking token's position is not the event's own when the event
 * fills a gap left by a transaction that committed late. The rows of a processing batch are
 * written by one statement ({@link RowArrays}) when the batch commits ({@link ProcessingBatch}).
 */
@Component
@ProcessingGroup(ProjectionNames.AUDIT_LOG)
public class AuditLogProjection {

    /**
     * The rows of the events with the given identifiers, at their own positions. An amendment,
     * withdrawal or reassignment takes the line's latest subject: from an earlier event of the same
     * batch when there is one, otherwise from the log. Every event of a line but its addition and a
     * reassignment to another 科目 takes the line's latest 科目 path likewise (null for an unclassified line).
     */
    private static final String INSERT = """
            INSERT INTO audit_event (position, event_id, aggregate_id, sequence_number, event_type, fiscal_year,
                department, category_code, subject, actor, recorded_at, effective_date, reason, reference,
                amount_before_yen, amount_after_yen, correlation_id, request_id, causation_id, hash, subject_path,
                approved_by, draft_id, actor_name)
            SELECT r.position, r.event_id, r.aggregate_id, r.sequence_number, r.event_type,
                COALESCE(r.fiscal_year, (SELECT a.fiscal_year FROM audit_event a WHERE a.aggregate_id = r.year_of
                    AND a.fiscal_year IS NOT NULL ORDER BY a.sequence_number LIMIT 1)),
                r.department, r.category_code,
                CASE WHEN r.own_subject OR r.subject IS NOT NULL THEN r.subject ELSE (
                    SELECT a.subject FROM audit_event a WHERE a.aggregate_id = r.aggregate_id AND a.subject IS NOT NULL
                    ORDER BY a.sequence_number DESC LIMIT 1) END,
                r.actor, r.recorded_at, r.effective_date, r.reason, r.reference, r.amount_before_yen, r.amount_after_yen,
                r.correlation_id, r.request_id, r.causation_id, r.hash,
                CASE WHEN r.own_path THEN r.subject_path ELSE (
                    SELECT a.subject_path FROM audit_event a WHERE a.aggregate_id = r.aggregate_id
                    ORDER BY a.sequence_number DESC LIMIT 1) END,
                r.approved_by, r.draft_id, r.actor_name
            FROM unnest(?::varchar[], ?::bigint[], ?::text[], ?::integer[], ?::text[], ?::varchar[], ?::boolean[],
                        ?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::varchar[], ?::boolean[], ?::text[],
                        ?::text[], ?::varchar[], ?::text[], ?::varchar[])
                 AS r(event_id, sequence_number, event_type, fiscal_year, department, category_code, own_subject,
                      subject, actor, recorded_at, effective_date, reason, reference, amount_before_yen,
                      amount_after_yen, correlation_id, request_id, causation_id, hash, position, aggregate_id, own_path,
                      subject_path, approved_by, draft_id, actor_name, year_of)
            ON CONFLICT (position) DO NOTHING""";

    private static final Map<ResolutionOutcome, String> RESOLUTIONS = Map.of(
            ResolutionOutcome.PASSED, "原案可決", ResolutionOutcome.AMENDED, "修正可決", ResolutionOutcome.REJECTED, "否決");

    private static final int FISCAL_YEAR = 3;
    private static final int SUBJECT = 7;
    private static final int OWN_PATH = 21;
    private static final int PATH = 22;
    private static final int YEAR_OF = 26;

    private final JdbcTemplate jdbc;
    private final ProcessingBatch<Entry> batch;

    public AuditLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new ProcessingBatch<>(AuditLogProjection.class, this::write);
    }

    /** A bill's title and name (「令和2年度一般会計補正予算（第1号） 9月補正」), or its name for one recorded before bills had titles. */
    private static String billName(String title, String name) {
        return title == null ? name : title + " " + name;
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message) {
        Row row;
        if (event instanceof InitiativeAdded added) {
            row = new Row(added.department().name(), Category.codeOf(added.category()), added.name(), null, added.amount().yen());
        } else if (event instanceof AmountAmended amended) {
            row = new Row(amended.department().name(), Category.codeOf(amended.category()),
                    null, amended.amountBefore().yen(), amended.amountAfter().yen());
        } else if (event instanceof InitiativeWithdrawn withdrawn) {
            row = new Row(withdrawn.department().name(), Category.codeOf(withdrawn.category()), null,
                    withdrawn.amountBefore().yen(), 0L);
        } else if (event instanceof InitiativeRevised revised) {
            row = new Row(revised.department().name(), null, revised.nameAfter(), null, null);
        } else if (event instanceof InitiativeReassigned reassigned) {
            row = new Row(reassigned.departmentAfter().name(), Category.codeOf(reassigned.categoryAfter()),
                    null, reassigned.amount().yen(), reassigned.amount().yen());
        } else if (event instanceof FundsTransferred transferred) {
            row = new Row(null, null, transferred.fromId() + " → " + transferred.toId() + levelCrossed(transferred), null,
                    transferred.amount().yen());
        } else if (event instanceof ReserveFundUsed used) {
            row = new Row(null, null, "予備費充用 " + used.fromId() + " → " + used.toId(), null, used.amount().yen());
        } else if (event instanceof TransferClauseRegistered registered) {
            row = new Row(null, null, "予算総則 " + registered.clause().article() + " 項間流用 (" + registered.account().name() + " "
                    + registered.clause().kan().name() + ")", null, null);
        } else if (event instanceof SetsuBarred barred) {
            row = new Row(null, null, "流用禁止 節 " + barred.barred().setsu().name() + " (" + barred.account().name() + ")", null, null);
        } else if (event instanceof SupplementaryBudgetEnacted enacted) {
            String senketsu = enacted.procedureOrAssembly() == BillProcedure.SENKETSU ? "専決処分 " : "";
            row = new Row(null, null, senketsu + billName(enacted.title(), enacted.name()), null, enacted.total().yen());
        } else if (event instanceof SupplementaryBudgetSubmitted submitted) {
            long total = submitted.items().stream().mapToLong(i -> i.addsLine() ? i.newLine().amount().yen() : i.delta().yen()).sum();
            row = new Row(null, null, "提出 " + billName(submitted.title(), submitted.name()), null, total);
        } else if (event instanceof SupplementaryBudgetResolved resolved) {
            row = new Row(null, null, RESOLUTIONS.get(resolved.outcome()), null, null);
        } else if (event instanceof SenketsuReportedToAssembly reported) {
            row = new Row(null, null, reported.outcome() == AssemblyReportOutcome.APPROVED ? "専決処分 承認" : "専決処分 不承認", null, null);
        } else if (event instanceof CarryoverLimitSet limit) {
            row = new Row(null, null, "繰越明許費 (" + (limit.supplementaryBudgetId() == null ? "当初" : "補正 " + limit.supplementaryBudgetId()) + ")",
                    limit.limitBefore() == null ? null : limit.limitBefore().yen(), limit.limit().yen());
        } else if (event instanceof AmountCarriedOver carried) {
            row = new Row(null, null, carried.kind().japanese() + " " + carried.initiativeId() + " → " + carried.carriedLineId()
                    + " (" + (carried.fiscalYear().value() + 1) + "年度)", null, carried.amount().yen());
        } else if (event instanceof DebtCommitmentSet set) {
            row = new Row(set.department() == null ? null : set.department().name(), null, "債務負担行為 設定 " + set.matter() + " ("
                    + set.periodFrom().japaneseName() + "から" + set.periodTo().japaneseName() + "まで)", null,
                    set.limit().yen() == null ? null : set.limit().yen().yen());
        } else if (event instanceof DebtCommitmentAmended amended) {
            row = new Row(null, null, "債務負担行為 補正 (" + amended.periodToAfter().japaneseName() + "まで)",
                    amended.limitBefore().yen() == null ? null : amended.limitBefore().yen().yen(),
                    amended.limitAfter().yen() == null ? null : amended.limitAfter().yen().yen());
        } else if (event instanceof DebtCommitmentAbolished) {
            row = new Row(null, null, "債務負担行為 廃止", null, null);
        } else if (event instanceof ContinuingExpenseRegistered registered) {
            row = new Row(registered.department().name(), Category.codeOf(registered.category()), "継続費 " + registered.name() + " ("
                    + registered.fiscalYear().value() + "–" + registered.lastYear().value() + "年度)", null, registered.total().yen());
        } else if (event instanceof ContinuingExpenseCarriedForward carried) {
            row = new Row(null, null, "逓次繰越 " + carried.fiscalYear().value() + "→" + carried.toYear().value() + "年度 "
                    + carried.fromLine() + " → " + carried.toLine(), null, carried.amount().yen());
        } else if (event instanceof BudgetDocumentImported imported) {
            String attachment = imported.document().attachment() == null ? "" : imported.document().attachment() + " ";
            String title = imported.document().title() == null ? "" : imported.document().title();
            row = new Row(null, null, (attachment + title).strip(), null, null);
        } else {
            row = new Row(null, null, null, null, null);
        }
        MetaData meta = message.getMetaData();
        boolean ownSubject = !(event instanceof AmountAmended || event instanceof InitiativeWithdrawn
                || event instanceof InitiativeReassigned);
        Classification path = event instanceof InitiativeAdded added ? added.classification()
                : event instanceof InitiativeReassigned reassigned ? reassigned.classificationAfter()
                : event instanceof ContinuingExpenseRegistered registered ? registered.classification() : null;
        boolean ownPath = path != null || !(event instanceof AmountAmended || event instanceof InitiativeWithdrawn
                || event instanceof InitiativeRevised || event instanceof InitiativeReassigned
                || event instanceof CarryoverLimitSet || event instanceof AmountCarriedOver);
        batch.add(new Entry(message.getAggregateIdentifier(), ownSubject, new Object[]{
                message.getIdentifier(), message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                event.fiscalYear().value(), row.department(), row.category(), ownSubject, row.subject(),
                text(meta, MetadataKeys.ACTOR), message.getTimestamp().atOffset(ZoneOffset.UTC),
                event.change().effectiveDate(), event.change().reason(), event.change().reference(), row.before(),
                row.after(), text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.REQUEST_ID),
                text(meta, MetadataKeys.CAUSATION_ID), text(meta, MetadataKeys.HASH), StorePosition.of(message),
                message.getAggregateIdentifier(), ownPath, path == null ? null : path.printedPath(),
                text(meta, MetadataKeys.APPROVED_BY), text(meta, MetadataKeys.DRAFT_ID), text(meta, MetadataKeys.ACTOR_NAME), null}));
    }

    /**
     * A draft's events: the subject names the kind of change proposed; the reason is the proposal's
     * when drafted, the approver's when rejected; the actor is the requester or the approver. Its fiscal
     * year is the one the draft names, or for a draft recorded before drafts named it the proposal's: a
     * bill's or a reopened year's own, a transfer's or a reserve-fund use's that of its source line; an
     * approval or a rejection takes the draft's. No department or amount: a draft
     * changes no figure.
     */
    @EventHandler
    void on(DraftEvent event, DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        String subject = null;
        String reason = null;
        String reference = null;
        java.time.LocalDate effective = null;
        Integer fiscalYear = null;
        String yearOf = message.getAggregateIdentifier();
        if (event instanceof ChangeDrafted drafted) {
            subject = drafted.kind();
            yearOf = null;
            if (drafted.fiscalYear() != null) {
                fiscalYear = drafted.fiscalYear().value();
            } else if (drafted.proposal() instanceof SubmitSupplementaryBudget submitted) {
                fiscalYear = submitted.bill().fiscalYear().value();
            } else if (drafted.proposal() instanceof DecideSupplementaryBudgetBySenketsu senketsu) {
                fiscalYear = senketsu.bill().fiscalYear().value();
            } else if (drafted.proposal() instanceof ReopenFiscalYear reopening) {
                fiscalYear = reopening.fiscalYear().value();
            } else if (drafted.proposal() instanceof TransferFunds transfer) {
                yearOf = transfer.fromId().value();
            } else if (drafted.proposal() instanceof UseReserveFund use) {
                yearOf = use.fromId().value();
            }
            reason = drafted.proposal().change().reason();
            reference = drafted.proposal().change().reference();
            effective = drafted.proposal().change().effectiveDate();
        } else if (event instanceof DraftRejected rejected) {
            reason = rejected.reason();
        }
        batch.add(new Entry(message.getAggregateIdentifier(), true, new Object[]{
                message.getIdentifier(), message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                fiscalYear, null, null, true, subject, text(meta, MetadataKeys.ACTOR), message.getTimestamp().atOffset(ZoneOffset.UTC),
                effective, reason, reference, null, null, text(meta, MetadataKeys.CORRELATION_ID), text(meta, MetadataKeys.REQUEST_ID),
                text(meta, MetadataKeys.CAUSATION_ID), text(meta, MetadataKeys.HASH), StorePosition.of(message),
                message.getAggregateIdentifier(), true, null, text(meta, MetadataKeys.APPROVED_BY), event.draftId().value(),
                text(meta, MetadataKeys.ACTOR_NAME), yearOf}));
    }

    /** A row of the batch; {@code values} in the statement's column order, its subject at {@link #SUBJECT}. */
    private record Entry(String aggregateId, boolean ownSubject, Object[] values) {
    }

    /**
     * Rows without a subject of their own take the latest one of their line from the batch's earlier rows; a draft's
     * row without a fiscal year takes that of the aggregate it names, from the batch's earlier rows (else from the log).
     */
    private void write(List<Entry> entries) {
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        Map<String, Object> years = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            Object[] values = entry.values();
            if (values[FISCAL_YEAR] == null && values[YEAR_OF] != null) {
                values[FISCAL_YEAR] = years.get((String) values[YEAR_OF]);
            }
            if (values[FISCAL_YEAR] != null) {
                years.putIfAbsent(entry.aggregateId(), values[FISCAL_YEAR]);
            }
            if (entry.ownSubject()) {
                if (entry.values()[SUBJECT] != null) {
                    subjects.put(entry.aggregateId(), (String) entry.values()[SUBJECT]);
                }
            } else {
                entry.values()[SUBJECT] = subjects.get(entry.aggregateId());
            }
            if (Boolean.TRUE.equals(entry.values()[OWN_PATH])) {
                paths.put(entry.aggregateId(), (String) entry.values()[PATH]);
            } else if (paths.containsKey(entry.aggregateId())) {
                entry.values()[PATH] = paths.get(entry.aggregateId());
                entry.values()[OWN_PATH] = true;
            }
            rows.add(entry.values());
        }
        RowArrays.update(jdbc, INSERT, rows);
    }


    /** How far a transfer went, as a reader says it: {@code " (項間流用 第5条)"}; nothing for unclassified lines or old events. */
    private static String levelCrossed(FundsTransferred transferred) {
        String level = java.util.Arrays.stream(Subject.Level.values()).filter(l -> l.code().equals(transferred.level()))
                .map(l -> l.japanese() + "間流用").findFirst().orElse(null);
        if (level == null && transferred.clause() == null) {
            return "";
        }
        return " (" + (level == null ? "" : level) + (level != null && transferred.clause() != null ? " " : "")
                + (transferred.clause() == null ? "" : transferred.clause()) + ")";
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE audit_event");
    }

    /** A row's own fields; amendments, withdrawals and reassignments take the line's latest subject (its name). */
    private record Row(String department, String category, String subject, Long before, Long after) {
    }
}
