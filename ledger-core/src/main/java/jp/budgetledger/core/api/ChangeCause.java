package jp.budgetledger.core.api;

/**
 * What a change of amount was part of: a supplementary budget, a transfer between lines, a use of
 * a 会計's reserve fund (予備費充用), a carry-over from the year before (繰越明許費, 事故繰越), a 継続費, or the
 * correction of an earlier event. {@code id} names that budget, transfer, reserve-fund use, carry-over or 継続費, or for a
 * correction the sequence number of the corrected event.
 */
public record ChangeCause(String kind, String id) {

    public static final String SUPPLEMENTARY_BUDGET = "supplementary-budget";
    public static final String TRANSFER = "transfer";
    public static final String RESERVE_FUND = "reserve-fund";
    public static final String CORRECTION = "correction";
    public static final String CARRYOVER = "carryover";
    public static final String CONTINUING_EXPENSE = "continuing-expense";

    public static ChangeCause supplementaryBudget(String id) {
        return new ChangeCause(SUPPLEMENTARY_BUDGET, id);
    }

    public static ChangeCause transfer(String id) {
        return new ChangeCause(TRANSFER, id);
    }

    public static ChangeCause reserveFund(String id) {
        return new ChangeCause(RESERVE_FUND, id);
    }

    public static ChangeCause carryover(String id) {
        return new ChangeCause(CARRYOVER, id);
    }

    public static ChangeCause continuingExpense(String id) {
        return new ChangeCause(CONTINUING_EXPENSE, id);
    }

    public static ChangeCause correction(long sequence) {
        return new ChangeCause(CORRECTION, Long.toString(sequence));
    }
}
