package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * One line of a document to import; it becomes an {@link AddInitiative} in the document's section
 * (category) named by {@code sectionCode}, with its {@code classification} (会計, side, 科目 path) when
 * the document gives one. A line needs a section or a classification; a classified line may have no section.
 */
public record ImportedLine(InitiativeId initiativeId, String sectionCode, int row, Department department, String name,
                           Money amount, String summary, boolean summaryShared, Classification classification) {

    public ImportedLine {
        Objects.requireNonNull(initiativeId, "initiativeId");
        if (sectionCode == null && classification == null) {
            throw new InvalidValueException("sectionCode", "row " + row + " needs a section or a classification");
        }
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(amount, "amount");
    }

    /** A line of a document that prints no 科目 (the 別紙 layout). */
    public ImportedLine(InitiativeId initiativeId, String sectionCode, int row, Department department, String name,
                        Money amount, String summary, boolean summaryShared) {
        this(initiativeId, sectionCode, row, department, name, amount, summary, summaryShared, null);
    }
}
