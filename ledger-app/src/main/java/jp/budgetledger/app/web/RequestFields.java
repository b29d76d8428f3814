package jp.budgetledger.app.web;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.domain.ItemRejectedException;
import jp.budgetledger.core.domain.LedgerRuleViolation;
import jp.budgetledger.core.domain.SubjectNameConflictException;
import jp.budgetledger.core.domain.SubjectNames;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where one endpoint's request gives each domain {@link Concept}, so that a rejection names the
 * field the caller sent. Most requests give a concept under its common name ({@link #COMMON}); a
 * transfer, an amendment and a supplementary budget name the lines and the change of amount their
 * own way. An item of a supplementary budget is named {@code items[i]}, its fields below it.
 */
final class RequestFields {

    private static final Map<Concept, String> COMMON_NAMES = Map.ofEntries(
            Map.entry(Concept.LINE_AMOUNT, "amountYen"),
            Map.entry(Concept.EFFECTIVE_DATE, "effectiveDate"),
            Map.entry(Concept.NAME, "name"),
            Map.entry(Concept.SUMMARY, "summary"),
            Map.entry(Concept.DEPARTMENT, "department"),
            Map.entry(Concept.CATEGORY, "category"),
            Map.entry(Concept.ACCOUNT, "accountName"),
            Map.entry(Concept.SUBJECT, "subject"),
            Map.entry(Concept.CORRECTED_EVENT, "sequence"),
            Map.entry(Concept.CARRYOVER_LIMIT, "carryoverLimitYen"),
            Map.entry(Concept.FISCAL_YEAR, "fiscalYear"));

    /** Requests that give every concept they have under its common name: a new line, a line change. */
    static final RequestFields COMMON = new RequestFields(Map.of());

    /** {@code POST /api/transfers}. */
    static final RequestFields TRANSFER = new RequestFields(Map.of(
            Concept.SOURCE_LINE, "fromId", Concept.DESTINATION_LINE, "toId", Concept.AMOUNT_CHANGE, "amountYen", Concept.CLAUSE, "clause"));

    /** {@code POST /api/reserve-fund-uses}. */
    static final RequestFields RESERVE_FUND_USE = new RequestFields(Map.of(
            Concept.SOURCE_LINE, "fromId", Concept.DESTINATION_LINE, "toId", Concept.AMOUNT_CHANGE, "amountYen"));

    /** {@code POST /api/carryovers}. */
    static final RequestFields CARRYOVER = new RequestFields(Map.of(
            Concept.SOURCE_LINE, "fromId", Concept.CARRYOVER_AMOUNT, "amountYen", Concept.FUNDING, "funding"));

    /** {@code PUT /api/initiatives/{id}/carryover-limit}. */
    static final RequestFields CARRYOVER_LIMIT = new RequestFields(Map.of(
            Concept.CARRYOVER_LIMIT, "limitYen", Concept.BASIS, "supplementaryBudgetId"));

    /** {@code POST /api/general-provisions/{fiscalYear}/...}: a clause by its article, a barred 節 by its 節. */
    static final RequestFields GENERAL_PROVISIONS = new RequestFields(Map.of(Concept.CLAUSE, "article", Concept.BARRED_SETSU, "setsu"));

    /** {@code POST /api/supplementary-budgets}: the fields of an item. */
    static final RequestFields SUPPLEMENTARY_BUDGET = new RequestFields(Map.of(
            Concept.LINE, "initiativeId", Concept.AMOUNT_CHANGE, "deltaYen"));

    /** {@code POST /api/fiscal-years/{fiscalYear}/close}: closing before the 出納整理期間 ended is a matter of its force. */
    static final RequestFields FISCAL_YEAR_CLOSE = new RequestFields(Map.of(Concept.SETTLEMENT, "force"));

    /** {@code POST /api/debt-commitments} and its amendments and abolitions: the basis is the supplementary budget named. */
    static final RequestFields DEBT_COMMITMENT = new RequestFields(Map.of(
            Concept.BASIS, "supplementaryBudgetId", Concept.PERIOD, "periodTo", Concept.FISCAL_YEAR, "fiscalYear"));

    /** {@code POST /api/continuing-expenses} and its {@code /carry-forward}. */
    static final RequestFields CONTINUING_EXPENSE = new RequestFields(Map.of(
            Concept.CONTINUING_EXPENSE, "totalYen", Concept.ANNUAL_SHARE, "shares", Concept.BASIS, "supplementaryBudgetId",
            Concept.CARRYOVER_AMOUNT, "amountYen", Concept.PERIOD, "fromYear", Concept.AMOUNT_CHANGE, "amountYen"));

    private final Map<Concept, String> names = new EnumMap<>(Concept.class);

    private RequestFields(Map<Concept, String> own) {
        names.putAll(COMMON_NAMES);
        names.putAll(own);
    }

    /** {@code POST /api/initiatives/{id}/amendments}: the change is the field the request used. */
    static RequestFields amendment(AmendmentRequest body) {
        return new RequestFields(Map.of(Concept.AMOUNT_CHANGE, body.newAmountYen() != null ? "newAmountYen" : "deltaYen"));
    }

    /** The request field that gives {@code concept}; null for none (the request as a whole). */
    String field(Concept concept) {
        return concept == null ? null : names.get(concept);
    }

    /** The request field a broken rule is about; null for the request as a whole. */
    String field(LedgerRuleViolation violation) {
        if (violation instanceof ItemRejectedException item) {
            String inner = field(item.violation());
            return "items[" + item.index() + "]" + (inner == null ? "" : "." + inner);
        }
        if (violation instanceof SubjectNameConflictException conflict) {
            return SubjectNames.ACCOUNT.equals(conflict.level()) ? field(Concept.ACCOUNT) : "subject." + conflict.level() + ".name";
        }
        return field(violation.concept());
    }

    /**
     * Runs {@code command}; a broken rule comes out as a {@link RejectedField}, an invalid value
     * that the ledger names by its concept as an {@link InvalidValueException} naming this request's field.
     */
    <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (LedgerRuleViolation violation) {
            throw new RejectedField(violation, field(violation));
        } catch (InvalidValueException invalid) {
            if (invalid.concept() == null) {
                throw invalid;
            }
            throw new InvalidValueException(field(invalid.concept()), invalid.reason());
        }
    }

    /** A broken rule together with the request field it is about. */
    static final class RejectedField extends RuntimeException {

        private final LedgerRuleViolation violation;
        private final String field;

        RejectedField(LedgerRuleViolation violation, String field) {
            super(violation.getMessage(), violation);
            this.violation = violation;
            this.field = field;
        }

        LedgerRuleViolation violation() {
            return violation;
        }

        String field() {
            return field;
        }
    }
}
