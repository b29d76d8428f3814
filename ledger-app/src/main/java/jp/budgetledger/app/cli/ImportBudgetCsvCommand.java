package jp.budgetledger.app.cli;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.imports.BudgetCsvImportService;
import jp.budgetledger.app.imports.BudgetCsvRejectedException;
import jp.budgetledger.app.imports.BudgetCsvReport;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.budgetcsv.BudgetCsvDefaults;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import-budget-csv FILE [--fiscal-year 2021] [--unit yen|thousand] [--side expenditure|revenue]
 * [--expected-total-yen N] [--dry-run]}: the same import and report as {@code POST /api/imports/budget-csv}.
 */
@Command(name = "import-budget-csv", mixinStandardHelpOptions = true,
        description = "Import a budget CSV (open-data layout: 年度, 会計, 歳入歳出, 款, 項, 目, 節, 所属, 予算額) as the initial budget (当初予算).")
class ImportBudgetCsvCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (UTF-8 or Shift_JIS)")
    Path file;

    @Option(names = "--fiscal-year", description = "fiscal year of a file without a 年度 column, e.g. 2021")
    Integer fiscalYear;

    @Option(names = "--unit", description = "yen or thousand: the unit of 予算額 (default: as its header states, else yen)")
    String unit;

    @Option(names = "--side", description = "expenditure or revenue: the side of rows without a 歳入歳出 value")
    String side;

    @Option(names = "--expected-total-yen", description = "the printed grand total in yen; another sum rejects the file")
    Long expectedTotalYen;

    @Option(names = "--dry-run", description = "read and check only; record nothing")
    boolean dryRun;

    @Mixin
    ImportOptions options;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        byte[] bytes = ImportOptions.read(file, out, springArguments);
        if (bytes == null) {
            return 2;
        }
        BudgetCsvImportService.Request request = new BudgetCsvImportService.Request(
                new BudgetCsvDefaults(fiscalYear == null ? null : FiscalYear.of(fiscalYear), BudgetCsvImportService.side(side),
                        BudgetCsvImportService.unit(unit)),
                expectedTotalYen, dryRun, file.getFileName().toString());
        BudgetCsvReport report;
        int exit;
        try (ConfigurableApplicationContext context = CommandContext.start(ImportOptions.ledgerArguments(springArguments))) {
            try {
                report = context.getBean(BudgetCsvImportService.class).importCsv(bytes, request, Requester.system(options.actor), d -> {
                });
                exit = 0;
            } catch (BudgetCsvRejectedException e) {
                report = e.report();
                exit = 1;
            }
        }
        options.print(report, r -> print(r, out), out);
        return exit;
    }

    static void print(BudgetCsvReport report, PrintStream out) {
        BudgetCsvReport.CsvFile document = report.document();
        out.printf("%s%n  %s, unit %s%s, SHA-256 %s%n", document.fileName(), document.charset(), document.unit(),
                "outline".equals(document.layout()) ? ", the outline of a budget book (every subtotal checked)" : "", document.sha256());
        out.printf("  fiscal year %s%s%n", report.fiscalYear() == null ? "?" : report.fiscalYear() + " ("
                + FiscalYear.of(report.fiscalYear()).japaneseName() + ")", report.dryRun() ? ", dry run" : "");
        for (BudgetCsvReport.CsvAccountTotal account : report.accounts()) {
            out.printf("%n  %-40s %5d lines %,22d 円%n", account.name(), account.lineCount(), account.totalYen());
            for (BudgetCsvReport.CsvSideTotal side : account.sides()) {
                out.printf("    %-38s %5d lines %,22d 円%n", side.side(), side.lineCount(), side.totalYen());
                for (BudgetCsvReport.CsvKanTotal kan : side.kan()) {
                    out.printf("      %-36s %5d lines %,22d 円%n", (kan.code() == null ? "" : kan.code() + " ") + kan.name(),
                            kan.lineCount(), kan.totalYen());
                }
            }
        }
        out.printf("%n  total %,d 円%s%n", report.totalYen(), report.expectedTotalYen() == null ? ""
                : String.format(" (printed total %,d 円)", report.expectedTotalYen()));
        out.printf("  %d lines read, %d added, %d already present%n  %s%n", report.linesParsed(), report.added(),
                report.alreadyPresent(), report.message());
        ImportReportPrinter.errors(report.errors(), out);
    }
}
