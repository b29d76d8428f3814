package jp.budgetledger.app.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void textAFormulaWouldStartWithGetsALeadingQuote() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.text("+1+2")).isEqualTo("'+1+2");
        assertThat(CsvCells.text("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvCells.text("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.text("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(CsvCells.cell(-250_000L)).isEqualTo(-250_000L);
        assertThat(CsvCells.cell(42)).isEqualTo(42);
        assertThat(CsvCells.text("-250000")).isEqualTo("-250000");
        assertThat(CsvCells.text("250000")).isEqualTo("250000");
        assertThat(CsvCells.text("△1,250")).isEqualTo("△1,250");
        assertThat(CsvCells.text("一般管理費 = 庁舎")).isEqualTo("一般管理費 = 庁舎");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.cell(null)).isNull();
        assertThat(CsvCells.text("-1.5")).as("not a plain integer").isEqualTo("'-1.5");
        assertThat(CsvCells.text("-")).isEqualTo("'-");
    }

    @Test
    void aRecordPrintsNeutralisedTextBesideNumericAmounts() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(CsvCells.record("=1+1", -250_000L, "-250000", java.time.LocalDate.of(2026, 4, 1), null));
        }
        assertThat(out.toString()).isEqualTo("'=1+1,-250000,-250000,2026-04-01,\r\n");
    }

    @Test
    void anXlsxWritesFormulaLookingTextAsAStringCell() throws Exception {
        var rows = java.util.List.of(new jp.budgetledger.core.document.BudgetTableLayout.Row(
                jp.budgetledger.core.document.BudgetTableLayout.Kind.LINE, Arrays.asList(
                new jp.budgetledger.core.document.BudgetTableLayout.Text("=HYPERLINK(\"http://x\",\"y\")"),
                new jp.budgetledger.core.document.BudgetTableLayout.Amount(-250))));
        byte[] xlsx = BetsuExports.xlsx("sheet", rows, 10, 10);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var row = workbook.getSheetAt(0).getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-250);
        }
    }
}
