package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.DocumentLine;
import jp.budgetledger.core.api.DocumentSection;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.ImportedLine;
import jp.budgetledger.core.api.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Handles {@link ImportBudgetDocument}: creates one {@link Initiative} per line through the
 * same {@link AddInitiative} handler that single additions use, then the {@link BudgetDocument}.
 * Everything happens in the command's unit of work, so the document is recorded whole or not at all.
 * A line without a section (a classified line of a budget CSV) has no category.
 */
public class BudgetDocumentImporter {

    private final Repository<Initiative> initiatives;
    private final Repository<BudgetDocument> documents;
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;

    public BudgetDocumentImporter(Repository<Initiative> initiatives, Repository<BudgetDocument> documents,
                                  InitiativeRegistry registry, SubjectTable subjects) {
        this.initiatives = initiatives;
        this.documents = documents;
        this.registry = registry;
        this.subjects = subjects;
    }

    @CommandHandler
    public ImportResult handle(ImportBudgetDocument command) throws Exception {
        Map<String, DocumentSection> sections = command.sections().stream()
                .collect(Collectors.toMap(DocumentSection::code, Function.identity()));
        List<DocumentLine> placed = new ArrayList<>();
        for (ImportedLine line : command.lines()) {
            Category category = null;
            if (line.sectionCode() != null) {
                DocumentSection section = sections.get(line.sectionCode());
                if (section == null) {
                    throw new InvalidValueException("sectionCode", "row " + line.row() + " names section " + line.sectionCode()
                            + ", which the document does not have");
                }
                category = new Category(section.code(), section.name());
            }
            AddInitiative add = new AddInitiative(line.initiativeId(), command.fiscalYear(), category, line.department(),
                    line.name(), line.amount(), line.summary(), command.change(), line.classification());
            try {
                initiatives.newInstance(() -> new Initiative(add, registry, subjects));
            } catch (LedgerRuleViolation violation) {
                throw new DocumentLineRejectedException(line.row(), violation);
            }
            placed.add(new DocumentLine(line.initiativeId(), line.sectionCode(), line.row(), line.summaryShared()));
        }
        BudgetDocumentImported imported = new BudgetDocumentImported(command.documentId(), command.fiscalYear(),
                command.document(), command.sections(), placed,
                command.change().withDefaultEffectiveDate(command.fiscalYear().firstDay()));
        documents.newInstance(() -> new BudgetDocument(imported));
        return new ImportResult(command.documentId(), placed.size());
    }
}
