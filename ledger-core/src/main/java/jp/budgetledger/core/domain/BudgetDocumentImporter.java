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
 * Everything happens in the command's unit of work, so the document is recorded whole or not at all. The lines' keys
 * and 科目 are claimed together before the lines are created ({@link InitiativeRegistry#claimAll},
 * {@link SubjectTable#claimAll}); each line still meets the rules, in the document's order, as a single addition would.
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
        List<AddInitiative> adds = new ArrayList<>(command.lines().size());
        RuntimeException invalid = null;
        for (ImportedLine line : command.lines()) {
            try {
                adds.add(add(command, line, sections));
            } catch (RuntimeException e) {
                invalid = e;
                break;
            }
        }
        ClaimedInAdvance claimed = ClaimedInAdvance.claim(adds, registry, subjects);
        InitiativeRegistry lineRegistry = claimed.registry();
        SubjectTable lineSubjects = claimed.subjects();
        List<DocumentLine> placed = new ArrayList<>();
        for (int i = 0; i < adds.size(); i++) {
            AddInitiative add = adds.get(i);
            ImportedLine line = command.lines().get(i);
            try {
                initiatives.newInstance(() -> new Initiative(add, lineRegistry, lineSubjects));
            } catch (LedgerRuleViolation violation) {
                throw new DocumentLineRejectedException(line.row(), violation);
            }
            placed.add(new DocumentLine(line.initiativeId(), line.sectionCode(), line.row(), line.summaryShared()));
        }
        if (invalid != null) {
            throw invalid;
        }
        BudgetDocumentImported imported = new BudgetDocumentImported(command.documentId(), command.fiscalYear(),
                command.document(), command.sections(), placed,
                command.change().withDefaultEffectiveDate(command.fiscalYear().firstDay()));
        documents.newInstance(() -> new BudgetDocument(imported));
        return new ImportResult(command.documentId(), placed.size());
    }

    /** The addition of one line of {@code command}. */
    private static AddInitiative add(ImportBudgetDocument command, ImportedLine line, Map<String, DocumentSection> sections) {
        Category category = null;
        if (line.sectionCode() != null) {
            DocumentSection section = sections.get(line.sectionCode());
            if (section == null) {
                throw new InvalidValueException("sectionCode", "row " + line.row() + " names section " + line.sectionCode()
                        + ", which the document does not have");
            }
            category = new Category(section.code(), section.name());
        }
        return new AddInitiative(line.initiativeId(), command.fiscalYear(), category, line.department(),
                line.name(), line.amount(), line.summary(), command.change(), line.classification());
    }
}
