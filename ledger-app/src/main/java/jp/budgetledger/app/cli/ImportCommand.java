package jp.budgetledger.app.cli;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.imports.BudgetImportService;
import jp.budgetledger.app.imports.ImportRejectedException;
import jp.budgetledger.app.imports.ImportReport;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.BudgetTableParser;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code import FILE --fiscal-year 2020 [--dry-run]}: the same import and report as {@code POST /api/imports}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a budget table in the 別紙 layout as the initial budget (当初予算) of a fiscal year.")
class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the document (UTF-8 or Shift_JIS text)")
    Path file;

    @Option(names = "--fiscal-year", required = true, description = "fiscal year the lines belong to, e.g. 2020")
    int fiscalYear;

    @Option(names = "--dry-run", description = "read, reconcile and check only; record nothing")
    boolean dryRun;

    @Option(names = "--charset", description = "UTF-8 or Shift_JIS (detected when not given)")
    String charset;

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
        Charset resolved = charset == null ? null
                : charset.equalsIgnoreCase("Shift_JIS") || charset.equalsIgnoreCase("sjis") ? BudgetTableParser.SHIFT_JIS
                : Charset.forName(charset);
        FiscalYear.of(fiscalYear);
        ImportReport report;
        int exit;
        try (ConfigurableApplicationContext context = CommandContext.start(ImportOptions.ledgerArguments(springArguments))) {
            BudgetImportService imports = context.getBean(BudgetImportService.class);
            try {
                report = imports.importDocument(bytes, resolved, fiscalYear, dryRun,
                        Requester.system(options.actor));
                exit = 0;
            } catch (ImportRejectedException e) {
                report = e.report();
                exit = 1;
            }
        }
        options.print(report, r -> ImportReportPrinter.print(r, out), out);
        return exit;
    }
}
