package jp.budgetledger.app.imports;

import jp.budgetledger.app.command.JdbcInitiativeRegistry;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.observability.LedgerMetrics;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.DocumentId;
import jp.budgetledger.core.api.DocumentInfo;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ImportBudgetDocument;
import jp.budgetledger.core.api.ImportResult;
import jp.budgetledger.core.api.ImportedLine;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.budgetcsv.BudgetCsvDefaults;
import jp.budgetledger.core.budgetcsv.BudgetCsvParser;
import jp.budgetledger.core.budgetcsv.BudgetCsvRow;
import jp.budgetledger.core.budgetcsv.ParsedBudgetCsv;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.domain.InitiativeKey;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports a budget CSV ({@link BudgetCsvParser}: one row per line, or the outline of a budget book whose printed
 * subtotals must all agree) as the initial budget (当初予算) of its fiscal year,
 * all or nothing. The file is read first and any problem rejects it before anything is sent; so does
 * a grand total other than the printed total given ({@code expectedTotalYen}). Then every line is
 * looked up in the ledger by its 会計, side, 科目 path and 所属: if all are already there the import adds
 * nothing and says so, if only some are it is rejected naming them. Otherwise one
 * {@link ImportBudgetDocument} records every line through the same {@code AddInitiative} handler as
 * any addition, in one transaction, so readers see all of it or none of it. Each line's change says
 * 当初予算 and names the file and its SHA-256.
 */
@Service
public class BudgetCsvImportService {

    /** The most lines one file may hold (an import of 20,000 lines commits in seconds, well inside Axon's gap timeout). */
    public static final int MAX_LINES = 50_000;

    private final LedgerCommands commands;
    private final JdbcInitiativeRegistry registry;
    private final LedgerMetrics metrics;
    private final RequestLimits limits;

    public BudgetCsvImportService(LedgerCommands commands, JdbcInitiativeRegistry registry, LedgerMetrics metrics, RequestLimits limits) {
        this.limits = limits;
        this.commands = commands;
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * What the caller says about a file.
     *
     * @param defaults         fiscal year, side and unit when the file does not say
     * @param expectedTotalYen the printed grand total in yen; null: not checked
     * @param fileName         the file's name, for the report and the recorded reference; may be null
     */
    public record Request(BudgetCsvDefaults defaults, Long expectedTotalYen, boolean dryRun, String fileName) {
    }

    /** {@code yen} / {@code thousand} (also 円 / 千円) as an {@link AmountUnit}; null stays null. */
    public static AmountUnit unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yen", "円" -> AmountUnit.YEN;
            case "thousand", "千円" -> AmountUnit.THOUSAND_YEN;
            default -> throw new InvalidValueException("unit", "must be yen or thousand (千円)");
        };
    }

    /** {@code expenditure} / {@code revenue} (also 歳出 / 歳入) as a {@link Side}; null stays null. */
    public static Side side(String text) {
        return text == null || text.isBlank() ? null : Side.parse(text);
    }

    /**
     * Imports with every line's department handed to {@code allowDepartment} first, which throws
     * when the importer may not add lines there.
     *
     * @throws BudgetCsvRejectedException when the file has errors (nothing is recorded)
     */
    public BudgetCsvReport importCsv(byte[] bytes, Request request, Requester requester, Consumer<String> allowDepartment) {
        limits.requireImportSize(bytes.length);
        ParsedBudgetCsv parsed = BudgetCsvParser.parse(bytes, request.defaults());
        List<ImportReport.Error> errors = new ArrayList<>();
        parsed.problems().forEach(p -> errors.add(new ImportReport.Error(p.row(), p.field(), p.reason())));
        if (parsed.rows().size() > MAX_LINES) {
            errors.add(new ImportReport.Error(0, null, "the file has " + parsed.rows().size() + " lines; one import takes at most " + MAX_LINES));
        }
        Money total = Money.ZERO;
        for (BudgetCsvRow row : parsed.rows()) {
            total = total.plus(row.amount());
        }
        if (request.expectedTotalYen() != null && request.expectedTotalYen() != total.yen()) {
            errors.add(new ImportReport.Error(0, "expectedTotalYen", String.format(
                    "the file's lines add up to %,d 円 but the printed total is %,d 円", total.yen(), request.expectedTotalYen())));
        }
        FiscalYear fiscalYear = parsed.fiscalYear();
        Report report = new Report(parsed, request, total, errors);
        if (!errors.isEmpty() || fiscalYear == null) {
            throw new BudgetCsvRejectedException(report.build(0, 0, false, "rejected: nothing was recorded", null));
        }

        Map<InitiativeKey, InitiativeId> existing = registry.keysOf(fiscalYear);
        Set<String> departments = new HashSet<>();
        List<ImportedLine> lines = new ArrayList<>(parsed.rows().size());
        List<ImportReport.Error> present = new ArrayList<>();
        for (BudgetCsvRow row : parsed.rows()) {
            if (departments.add(row.department().key())) {
                allowDepartment.accept(row.department().name());
            }
            InitiativeId id = existing.get(InitiativeKey.of(fiscalYear, row.department(), row.name(), row.classification()));
            if (id != null) {
                present.add(new ImportReport.Error(row.row(), null, "the line " + row.classification().pathKey() + " of "
                        + row.department() + " is already in fiscal year " + fiscalYear.value() + " as " + id));
            }
            lines.add(new ImportedLine(id != null ? id : InitiativeId.generate(), null, row.row(), row.department(), row.name(),
                    row.amount(), null, false, row.classification()));
        }
        if (!present.isEmpty() && present.size() < lines.size()) {
            errors.addAll(present);
        }
        if (!errors.isEmpty()) {
            throw new BudgetCsvRejectedException(report.build(0, 0, false, "rejected: nothing was recorded", null));
        }
        if (!lines.isEmpty() && present.size() == lines.size()) {
            return report.build(0, present.size(), false,
                    "all " + present.size() + " lines are already in fiscal year " + fiscalYear.value() + "; nothing was added", null);
        }
        if (request.dryRun()) {
            return report.build(lines.size(), 0, false, "dry run: " + lines.size() + " lines would be added; nothing was recorded", null);
        }

        ImportBudgetDocument command = new ImportBudgetDocument(report.documentId(), fiscalYear,
                new DocumentInfo(request.fileName(), null, parsed.unit().label(), parsed.sha256()), List.of(), lines,
                new ChangeContext(null, BudgetImportService.REASON, reference(request.fileName(), parsed.sha256())).asPartOfSet());
        Recorded<ImportResult> recorded = DocumentRecording.record(commands, metrics, command, requester, BudgetCsvImportService::column, errors);
        if (recorded != null) {
            return report.build(recorded.result().linesAdded(), 0, true,
                    recorded.result().linesAdded() + " lines added to fiscal year " + fiscalYear.value(), recorded.position());
        }
        throw new BudgetCsvRejectedException(report.build(0, 0, false, "rejected: nothing was recorded", null));
    }

    /** The reference every imported line carries: the file's name and its SHA-256. */
    static String reference(String fileName, String sha256) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return (name.isEmpty() ? "" : name + " ") + "SHA-256:" + sha256;
    }

    /** The file's column that gives a concept a ledger rule named (null for the line as a whole). */
    private static String column(Concept concept) {
        if (concept == null) {
            return null;
        }
        return switch (concept) {
            case LINE_AMOUNT -> "予算額";
            case DEPARTMENT -> "所属";
            case ACCOUNT -> "会計";
            case SUBJECT, NAME -> "科目";
            default -> concept.words();
        };
    }

    private record Report(ParsedBudgetCsv parsed, Request request, Money total, List<ImportReport.Error> errors) {

        DocumentId documentId() {
            return parsed.fiscalYear() == null ? null : DocumentId.of(parsed.fiscalYear(), parsed.sha256());
        }

        BudgetCsvReport build(int added, int alreadyPresent, boolean recorded, String message, Long position) {
            DocumentId id = documentId();
            String charset = parsed.charset().equals(BudgetTableParser.SHIFT_JIS) ? "Shift_JIS" : parsed.charset().name();
            return new BudgetCsvReport(parsed.fiscalYear() == null ? null : parsed.fiscalYear().value(), request.dryRun(),
                    new BudgetCsvReport.CsvFile(request.fileName(), charset, parsed.unit() == null ? null : parsed.unit().label(),
                            parsed.sha256(), id == null ? null : id.value(), parsed.layout().name().toLowerCase(Locale.ROOT)),
                    parsed.rows().size(), total.yen(), request.expectedTotalYen(), totals(parsed.rows()),
                    added, alreadyPresent, recorded, message, position, List.copyOf(errors));
        }
    }

    /** The totals per 会計, side and 款, in the order the file first gives them. */
    static List<BudgetCsvReport.CsvAccountTotal> totals(List<BudgetCsvRow> rows) {
        Map<String, Sum> accounts = new LinkedHashMap<>();
        for (BudgetCsvRow row : rows) {
            var classification = row.classification();
            Sum account = accounts.computeIfAbsent(classification.account().key(),
                    k -> new Sum(classification.account().code(), classification.account().name()));
            Sum side = account.children.computeIfAbsent(classification.side().code(), k -> new Sum(k, null));
            var kan = classification.subject().kan();
            Sum kanSum = side.children.computeIfAbsent(kan.key(), k -> new Sum(kan.code(), kan.name()));
            for (Sum sum : List.of(account, side, kanSum)) {
                sum.yen = Math.addExact(sum.yen, row.amount().yen());
                sum.lines++;
            }
        }
        return accounts.values().stream().map(a -> new BudgetCsvReport.CsvAccountTotal(a.code, a.name, a.yen, a.lines,
                a.children.values().stream().map(s -> new BudgetCsvReport.CsvSideTotal(s.code, s.yen, s.lines,
                        s.children.values().stream().map(k -> new BudgetCsvReport.CsvKanTotal(k.code, k.name, k.yen, k.lines))
                                .toList())).toList())).toList();
    }

    private static final class Sum {
        final String code;
        final String name;
        final Map<String, Sum> children = new LinkedHashMap<>();
        long yen;
        int lines;

        Sum(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }
}
