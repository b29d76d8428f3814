package jp.budgetledger.app.imports;

import java.util.List;

/**
 * What an import did or would do: the document as read, every section's sum next to its
 * printed subtotal, every printed total next to the computed one, how many lines were added or
 * were already present, and every error with its row. {@code recorded} is true only when the
 * lines were committed to the ledger.
 */
public record ImportReport(
        int fiscalYear,
        boolean dryRun,
        Document document,
        int linesParsed,
        List<SectionSum> sections,
        List<Check> checks,
        int added,
        int alreadyPresent,
        boolean recorded,
        String message,
        Long position,
        List<Error> errors) {

    public record Document(String title, String attachment, String unit, String charset, String sha256, String documentId) {
    }

    public record SectionSum(String code, String name, int lines, long sumYen, Long printedSubtotalYen, Boolean matches,
                             List<String> notes) {
    }

    public record Check(int row, String label, long printedYen, long computedYen, boolean matches) {
    }

    public record Error(int row, String field, String reason) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
