package jp.budgetledger.app.reports;

import jp.budgetledger.core.document.BudgetTableLayout;
import jp.budgetledger.core.document.BudgetTableLayout.Amount;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a {@link BetsuReportService.Report} in the formats budget documents are exchanged in. */
public final class BetsuExports {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The column widths of the 別紙 layout's sheet, in characters. */
    public static final int[] BETSU_WIDTHS = {18, 36, 14, 80};
    private static final String AMOUNT_FORMAT = "#,##0;\"△\"#,##0";

    private BetsuExports() {
    }

    /** Tab-separated text in the 別紙 layout, UTF-8. */
    public static String text(BetsuReportService.Report report) {
        return BudgetTableLayout.text(report.table(), report.amountHeader());
    }

    /** CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, amounts grouped in 千円. */
    public static byte[] csv(BetsuReportService.Report report) {
        return csv(rows(report));
    }

    /** Rows of a document's layout as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, amounts grouped. */
    public static byte[] csv(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(UTF8_BOM);
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
                for (Row row : rows) {
                    printer.printRecord(row.cells().stream()
                            .map(c -> c instanceof Amount a ? a.formatted() : CsvCells.text(((Text) c).value())).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An Excel workbook with one sheet in the 別紙 layout; amounts are numbers in 千円 with a grouped format. */
    public static byte[] xlsx(BetsuReportService.Report report) {
        String sheetName = report.table().attachment() == null ? "予算事業一覧" : report.table().attachment();
        return xlsx(sheetName, rows(report), BETSU_WIDTHS);
    }

    /** Rows of a document's layout as a workbook of one sheet; amounts are numbers with a grouped format; column widths in characters. */
    public static byte[] xlsx(String sheetName, List<Row> rows, int... widths) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
            Styles styles = new Styles(workbook);
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                var sheetRow = sheet.createRow(r);
                for (int c = 0; c < row.cells().size(); c++) {
                    Cell cell = row.cells().get(c);
                    var sheetCell = sheetRow.createCell(c);
                    if (cell instanceof Amount amount) {
                        sheetCell.setCellValue(amount.value());
                        sheetCell.setCellStyle(row.kind() == Kind.LINE ? styles.amount : styles.totalAmount);
                    } else {
                        sheetCell.setCellValue(((Text) cell).value());
                        sheetCell.setCellStyle(switch (row.kind()) {
                            case TITLE -> styles.title;
                            case SECTION, HEADER -> styles.bold;
                            case LINE -> styles.wrapped;
                            case SUBTOTAL, TOTAL -> styles.totalText;
                            default -> styles.plain;
                        });
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> rows(BetsuReportService.Report report) {
        return BudgetTableLayout.rows(report.table(), report.amountHeader());
    }

    private static final class Styles {
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle title;
        final CellStyle wrapped;
        final CellStyle amount;
        final CellStyle totalText;
        final CellStyle totalAmount;

        Styles(Workbook workbook) {
            plain = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            short format = workbook.createDataFormat().getFormat(AMOUNT_FORMAT);
            amount = workbook.createCellStyle();
            amount.setDataFormat(format);
            amount.setVerticalAlignment(VerticalAlignment.TOP);
            totalText = workbook.createCellStyle();
            totalText.setFont(boldFont);
            totalText.setBorderTop(BorderStyle.THIN);
            totalAmount = workbook.createCellStyle();
            totalAmount.setDataFormat(format);
            totalAmount.setFont(boldFont);
            totalAmount.setBorderTop(BorderStyle.THIN);
        }
    }
}
