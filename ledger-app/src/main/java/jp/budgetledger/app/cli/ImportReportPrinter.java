package jp.budgetledger.app.cli;

import jp.budgetledger.app.imports.ImportReport;
import jp.budgetledger.core.api.FiscalYear;

import java.io.PrintStream;
import java.util.List;

/** The import report as a person reads it in a terminal; amounts in 千円. */
final class ImportReportPrinter {

    private ImportReportPrinter() {
    }

    static void print(ImportReport report, PrintStream out) {
        ImportReport.Document document = report.document();
        out.printf("%s %s%n", nullToEmpty(document.attachment()), nullToEmpty(document.title()));
        out.printf("  %s, unit %s, SHA-256 %s%n", document.charset(), document.unit(), document.sha256());
        out.printf("  fiscal year %d (%s)%s%n", report.fiscalYear(), FiscalYear.of(report.fiscalYear()).japaneseName(),
                report.dryRun() ? ", dry run" : "");
        out.println();
        out.println("  section                                              lines        sum (千円)");
        for (ImportReport.SectionSum section : report.sections()) {
            out.printf("  %-3s %-46s %5d %17s%n", section.code(), section.name(), section.lines(), thousands(section.sumYen()));
        }
        out.println();
        for (ImportReport.Check check : report.checks()) {
            out.printf("  row %-4d %-20s printed %15s  lines %15s  %s%n", check.row(), check.label(),
                    thousands(check.printedYen()), thousands(check.computedYen()), check.matches() ? "ok" : "MISMATCH");
        }
        out.println();
        out.printf("  %d lines read, %d added, %d already present%n", report.linesParsed(), report.added(), report.alreadyPresent());
        out.println("  " + report.message());
        errors(report.errors(), out);
    }

    /** Every error of an import with its row and column, if there are any. */
    static void errors(List<ImportReport.Error> errors, PrintStream out) {
        if (errors.isEmpty()) {
            return;
        }
        out.println();
        out.println("  errors:");
        for (ImportReport.Error error : errors) {
            out.printf("    %s%s%s%n", error.row() > 0 ? "row " + error.row() + ": " : "",
                    error.field() == null ? "" : error.field() + ": ", error.reason());
        }
    }

    private static String thousands(long yen) {
        return yen % 1000 == 0 ? String.format("%,d", yen / 1000) : String.format("%,.3f", yen / 1000.0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
