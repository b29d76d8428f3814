package jp.budgetledger.core.api;

import java.util.Objects;

/** One line of a document to import; it becomes an {@link AddInitiative} in the document's section (category). */
public record ImportedLine(InitiativeId initiativeId, String sectionCode, int row, Department department, String name,
                           Money amount, String summary, boolean summaryShared) {

    public ImportedLine {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(sectionCode, "sectionCode");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(amount, "amount");
    }
}
