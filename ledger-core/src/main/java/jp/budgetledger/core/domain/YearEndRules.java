package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DecideSupplementaryBudgetBySenketsu;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearLifeEvent;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.PermittedAfterYearEnd;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetResolved;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What may be recorded for a fiscal year, by its calendar (地方自治法 第208条: 1 April – 31 March) and its state, for
 * the events of one unit of work (one command, with all it causes), all recorded on one day.
 * <ul>
 *   <li>Until 31 March N+1 everything of fiscal year N may be recorded (each change's own rules decide the rest).</li>
 *   <li>After it, only what the law still allows then: the year's own life ({@link FiscalYearLifeEvent}), carry-overs
 *   and 逓次繰越 (every event of a unit of work that holds a {@link PermittedAfterYearEnd}: the line a carry-over opens in
 *   the next year with it), corrections of records (an {@link AmountAmended} caused by a
 *   correction), the late record of a supplementary budget the assembly or the head decided on or before 31 March N+1
 *   (every event of a unit of work that holds its {@link SupplementaryBudgetResolved} or {@link SupplementaryBudgetEnacted}),
 *   a report on a 専決処分 ({@link SenketsuReportedToAssembly}), and the import of a printed budget book of the year
 *   (every event of a unit of work that holds its {@link BudgetDocumentImported}: decisions already taken). Anything
 *   else is refused with {@link FiscalYearEndedException}.</li>
 *   <li>Once the year is closed, nothing but its own life: {@link FiscalYearClosedException}.</li>
 * </ul>
 * A draft of a change that waits for approval ({@link ChangeDrafted}) meets the same calendar when it is drafted, for the
 * fiscal year its proposal changes ({@link #checkDraft}); once approved, the change's own events meet it again.
 */
public final class YearEndRules {

    private YearEndRules() {
    }

    /**
     * @param events     the ledger events of one unit of work, in order
     * @param closed     whether a fiscal year is closed, as of this unit of work
     * @param recordedOn the day (in the ledger's time zone) the events are recorded
     * @throws FiscalYearClosedException when an event belongs to a closed year
     * @throws FiscalYearEndedException  when an event of an ended year is not one the law still allows
     */
    public static void check(List<? extends LedgerEvent> events, Predicate<FiscalYear> closed, LocalDate recordedOn) {
        Set<FiscalYear> recordsOfTheYear = new HashSet<>();
        boolean carryOver = events.stream().anyMatch(PermittedAfterYearEnd.class::isInstance);
        for (LedgerEvent event : events) {
            if (event instanceof BudgetDocumentImported imported) {
                recordsOfTheYear.add(imported.fiscalYear());
            } else if (event instanceof SupplementaryBudgetResolved resolved && decidedWithin(resolved.fiscalYear(), resolved.resolvedOn())) {
                recordsOfTheYear.add(resolved.fiscalYear());
            } else if (event instanceof SupplementaryBudgetEnacted enacted && decidedWithin(enacted.fiscalYear(), enacted.resolvedOn())) {
                recordsOfTheYear.add(enacted.fiscalYear());
            }
        }
        for (LedgerEvent event : events) {
            FiscalYear year = event.fiscalYear();
            if (event instanceof FiscalYearLifeEvent) {
                continue;
            }
            if (closed.test(year)) {
                throw new FiscalYearClosedException(year);
            }
            if (!recordedOn.isAfter(year.lastDay()) || carryOver || permittedAfterYearEnd(event) || recordsOfTheYear.contains(year)) {
                continue;
            }
            throw new FiscalYearEndedException(year, recordedOn, describe(event));
        }
    }

    /**
     * The calendar for a draft as it is recorded: refused as its proposal's change would be. After the year end only the year's
     * own life (a reopening) and the late record of a 専決処分 the head decided by 31 March N+1 may be drafted; once the year is
     * closed, only a reopening. A draft that does not name its fiscal year passes (recorded before drafts named it).
     *
     * @throws FiscalYearClosedException when the draft's year is closed
     * @throws FiscalYearEndedException  when the draft's year ended and the proposal is not one the law still allows
     */
    public static void checkDraft(ChangeDrafted draft, Predicate<FiscalYear> closed, LocalDate recordedOn) {
        FiscalYear year = draft.fiscalYear();
        Proposal proposal = draft.proposal();
        if (year == null || proposal instanceof ReopenFiscalYear) {
            return;
        }
        if (closed.test(year)) {
            throw new FiscalYearClosedException(year);
        }
        if (!recordedOn.isAfter(year.lastDay())
                || proposal instanceof DecideSupplementaryBudgetBySenketsu senketsu && decidedWithin(year, senketsu.decidedOn())) {
            return;
        }
        throw new FiscalYearEndedException(year, recordedOn, "a draft of " + describe(proposal.getClass().getSimpleName()));
    }

    /** True when the year of {@code recordedOn} is past fiscal year {@code year}'s last day. */
    public static boolean ended(FiscalYear year, LocalDate today) {
        return today.isAfter(year.lastDay());
    }

    /** The last day of fiscal year {@code year}'s 出納整理期間 (地方自治法 第235条の5): 31 May of the following calendar year. */
    public static LocalDate settlementEnd(FiscalYear year) {
        return LocalDate.of(year.value() + 1, 5, 31);
    }

    private static boolean permittedAfterYearEnd(LedgerEvent event) {
        return event instanceof SenketsuReportedToAssembly
                || event instanceof AmountAmended amended && amended.cause() != null
                && ChangeCause.CORRECTION.equals(amended.cause().kind());
    }

    private static boolean decidedWithin(FiscalYear year, LocalDate decidedOn) {
        return decidedOn != null && !decidedOn.isAfter(year.lastDay());
    }

    private static String describe(LedgerEvent event) {
        return describe(event.getClass().getSimpleName());
    }

    /** What an event or a proposal (by its type's simple name) records, in words. */
    private static String describe(String type) {
        return switch (type) {
            case "InitiativeAdded" -> "a new line";
            case "AmountAmended" -> "a change of a line's amount";
            case "InitiativeWithdrawn" -> "a withdrawal of a line";
            case "InitiativeRevised" -> "a revision of a line";
            case "InitiativeReassigned" -> "a reassignment of a line";
            case "FundsTransferred", "TransferFunds" -> "a transfer (流用)";
            case "ReserveFundUsed", "UseReserveFund" -> "a use of the 予備費";
            case "SupplementaryBudgetSubmitted", "SubmitSupplementaryBudget" -> "a new supplementary budget bill";
            case "SupplementaryBudgetEnacted", "SupplementaryBudgetResolved", "DecideSupplementaryBudgetBySenketsu" ->
                    "a supplementary budget decided after the year ended";
            case "TransferClauseRegistered", "SetsuBarred" -> "a change of the 予算総則";
            case "CarryoverLimitSet" -> "a 繰越明許費 limit (part of the year's budget)";
            default -> "this change (" + type + ")";
        };
    }
}
