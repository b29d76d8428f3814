package jp.budgetledger.app.imports;

import jp.budgetledger.app.command.JdbcInitiativeRegistry;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.observability.LedgerMetrics;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.DocumentId;
import jp.budgetledger.core.api.DocumentInfo;
import jp.budgetledger.core.api.DocumentSection;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.ImportedLine;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.document.BudgetTable;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.document.DocumentProblem;
import jp.budgetledger.core.document.ParsedDocument;
import org.springframework.stereotype.Service;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports a budget table as the initial budget (当初予算) of a fiscal year. The document is read
 * and reconciled first; any problem rejects it before anything is sent. Then every line is
 * checked against the ledger: if all are already there the import adds nothing and says so, if
 * only some are it is rejected. Otherwise one {@link ImportBudgetDocument} command records all
 * lines in one short transaction (a document of {@value #MAX_LINES} lines commits in well under
 * a second, far inside Axon's gap timeout), so readers see all of it or none of it.
 */
@Service
public class BudgetImportService {

    public static final int MAX_LINES = 5_000;
    public static final String REASON = "当初予算";

    private final LedgerCommands commands;
    private final JdbcInitiativeRegistry registry;
    private final LedgerMetrics metrics;
    private final RequestLimits limits;

    public BudgetImportService(LedgerCommands commands, JdbcInitiativeRegistry registry, LedgerMetrics metrics, RequestLimits limits) {
        this.limits = limits;
        this.commands = commands;
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * @throws ImportRejectedException when the document has errors (nothing is recorded)
     */
    public ImportReport importDocument(byte[] bytes, Charset charset, int fiscalYearValue, boolean dryRun, Requester requester) {
        return importDocument(bytes, charset, fiscalYearValue, dryRun, requester, department -> {
        });
    }

    /**
     * Like {@link #importDocument(byte[], Charset, int, boolean, Requester)}, with every line's
     * department handed to {@code allowDepartment} first, which throws when the importer may not
     * add lines there.
     */
    public ImportReport importDocument(byte[] bytes, Charset charset, int fiscalYearValue, boolean dryRun, Requester requester,
                                       Consumer<String> allowDepartment) {
        limits.requireImportSize(bytes.length);
        FiscalYear fiscalYear = FiscalYear.of(fiscalYearValue);
        ParsedDocument parsed = BudgetTableParser.parse(bytes, charset);
        BudgetTable table = parsed.table();
        DocumentId documentId = DocumentId.of(fiscalYear, parsed.sha256());
        List<ImportReport.Error> errors = new ArrayList<>();
        parsed.problems().forEach(p -> errors.add(error(p)));
        if (table.lines().size() > MAX_LINES) {
            errors.add(new ImportReport.Error(0, null, "the document has " + table.lines().size()
                    + " lines; one import takes at most " + MAX_LINES));
        }

        List<ImportedLine> lines = new ArrayList<>();
        Map<InitiativeKey, Integer> seen = new HashMap<>();
        int alreadyPresent = 0;
        for (BudgetTable.Section section : table.sections()) {
            for (BudgetTable.Line line : section.lines()) {
                try {
                    if (line.amount().isNegative()) {
                        errors.add(new ImportReport.Error(line.row(), "当初予算額", "an initial budget line cannot be negative"));
                    }
                    Department department = Department.of(line.department());
                    allowDepartment.accept(department.name());
                    String name = Text.required("細事業名", line.name(), 200);
                    InitiativeKey key = InitiativeKey.of(fiscalYear, department, name);
                    Integer earlier = seen.putIfAbsent(key, line.row());
                    if (earlier != null) {
                        errors.add(new ImportReport.Error(line.row(), "細事業名", "'" + name + "' of " + department
                                + " appears twice in the document (rows " + earlier + " and " + line.row() + ")"));
                    }
                    Optional<InitiativeId> existing = registry.find(key);
                    if (existing.isPresent()) {
                        alreadyPresent++;
                    }
                    lines.add(new ImportedLine(existing.orElseGet(InitiativeId::generate), section.code(), line.row(),
                            department, name, line.amount(), line.summary(), line.summaryShared()));
                } catch (InvalidValueException e) {
                    errors.add(new ImportReport.Error(line.row(), e.field(), e.reason()));
                }
            }
        }
        if (alreadyPresent > 0 && alreadyPresent < lines.size()) {
            for (ImportedLine line : lines) {
                registry.find(InitiativeKey.of(fiscalYear, line.department(), line.name())).ifPresent(id ->
                        errors.add(new ImportReport.Error(line.row(), "細事業名", "'" + line.name() + "' of " + line.department()
                                + " is already in fiscal year " + fiscalYear.value() + " as " + id)));
            }
        }

        Report report = new Report(fiscalYear, dryRun, parsed, documentId, errors);
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(report.build(0, 0, false, "rejected: nothing was recorded", null));
        }
        if (!lines.isEmpty() && alreadyPresent == lines.size()) {
            return report.build(0, alreadyPresent, false,
                    "all " + alreadyPresent + " lines are already in fiscal year " + fiscalYear.value() + "; nothing was added", null);
        }
        if (dryRun) {
            return report.build(lines.size(), 0, false, "dry run: " + lines.size() + " lines would be added; nothing was recorded", null);
        }

        ImportBudgetDocument command = new ImportBudgetDocument(documentId, fiscalYear,
                new DocumentInfo(table.title(), table.attachment(), table.unit().label(), parsed.sha256()),
                table.sections().stream().map(s -> new DocumentSection(s.code(), s.name(), s.notes())).toList(),
                lines, new ChangeContext(null, REASON, reference(table, parsed.sha256())).asPartOfSet());
        Recorded<ImportResult> recorded = DocumentRecording.record(commands, metrics, command, requester, BudgetImportService::column, errors);
        if (recorded != null) {
            return report.build(recorded.result().linesAdded(), 0, true,
                    recorded.result().linesAdded() + " lines added to fiscal year " + fiscalYear.value(), recorded.position());
        }
        throw new ImportRejectedException(report.build(0, 0, false, "rejected: nothing was recorded", null));
    }

    /** The reference every imported line carries: the document and its SHA-256. */
    static String reference(BudgetTable table, String sha256) {
        String name = (table.attachment() == null ? "" : table.attachment() + " ") + (table.title() == null ? "" : table.title());
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return (name.isBlank() ? "" : name.strip() + " ") + "SHA-256:" + sha256;
    }

    private static String charsetName(ParsedDocument parsed) {
        return parsed.charset().equals(BudgetTableParser.SHIFT_JIS) ? "Shift_JIS" : parsed.charset().name();
    }

    /** The document's column that gives a concept a ledger rule named (null for the line as a whole). */
    private static String column(Concept concept) {
        if (concept == null) {
            return null;
        }
        return switch (concept) {
            case LINE_AMOUNT -> "当初予算額";
            case NAME -> "細事業名";
            default -> concept.words();
        };
    }

    private static ImportReport.Error error(DocumentProblem problem) {
        return new ImportReport.Error(problem.row(), problem.field(), problem.reason());
    }

    private record Report(FiscalYear fiscalYear, boolean dryRun, ParsedDocument parsed, DocumentId documentId,
                          List<ImportReport.Error> errors) {

        ImportReport build(int added, int alreadyPresent, boolean recorded, String message, Long position) {
            BudgetTable table = parsed.table();
            List<ImportReport.SectionSum> sections = table.sections().stream().map(s -> new ImportReport.SectionSum(
                    s.code(), s.name(), s.lines().size(), s.sum().yen(),
                    s.subtotal() == null ? null : s.subtotal().printed().yen(),
                    s.subtotal() == null ? null : s.subtotal().printed().equals(s.sum()),
                    s.notes())).toList();
            List<ImportReport.Check> checks = parsed.reconciliation().checks().stream().map(c -> new ImportReport.Check(
                    c.row(), c.label(), c.printed().yen(), c.computed().yen(), c.matches())).toList();
            return new ImportReport(fiscalYear.value(), dryRun,
                    new ImportReport.Document(table.title(), table.attachment(), table.unit().label(), charsetName(parsed),
                            parsed.sha256(), documentId.value()),
                    table.lines().size(), sections, checks, added, alreadyPresent, recorded, message, position,
                    List.copyOf(errors));
        }
    }
}
