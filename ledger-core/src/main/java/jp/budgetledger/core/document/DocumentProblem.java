package jp.budgetledger.core.document;

/** Something wrong in a document: the 1-based row it is on (0 for the document as a whole), the column or check, and why. */
public record DocumentProblem(int row, String field, String reason) {

    @Override
    public String toString() {
        return (row > 0 ? "row " + row + ": " : "") + (field == null ? "" : field + ": ") + reason;
    }
}
