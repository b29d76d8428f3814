package jp.budgetledger.app.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import jp.budgetledger.core.document.BudgetTableLayout.Amount;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

/**
 * Rows of a document's layout as a PDF on A4, in the Japanese font bundled with the service (Noto Sans JP, SIL Open Font
 * License; no font of the machine is used and nothing is fetched): the title, the notes and the sections as text, each
 * run of header and lines as a table whose header repeats on every page, amounts right-aligned, grouped, △ for
 * negative, totals in bold, and "page / pages" at the foot of each page. A document wider than a portrait page (by its
 * column widths) is printed landscape. The renderer's own log says only warnings and errors.
 */
public final class PdfDocuments {

    /** The font's family name in the documents. */
    static final String FONT = "Noto Sans JP";
    private static final int PORTRAIT_CHARACTERS = 110;
    private static final Set<Kind> TABLE_ROWS = Set.of(Kind.HEADER, Kind.LINE, Kind.SUBTOTAL, Kind.TOTAL);
    private static final byte[] REGULAR = font("/fonts/400Regular/NotoSansJP_400Regular.ttf");
    private static final byte[] BOLD = font("/fonts/700Bold/NotoSansJP_700Bold.ttf");

    static {
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
    }

    private PdfDocuments() {
    }

    /**
     * The PDF of {@code rows}, titled {@code title} in its metadata; {@code widths} are the columns' widths in characters
     * (as for the workbook), which set the columns' shares of the page and its orientation.
     */
    public static byte[] pdf(String title, List<Row> rows, int... widths) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml(title, rows, widths), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xhtml(String title, List<Row> rows, int... widths) {
        int total = Math.max(1, Arrays.stream(widths).sum());
        boolean landscape = total > PORTRAIT_CHARACTERS;
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"/><title>").append(escape(title)).append("</title><style>")
                .append("@page { size: A4 ").append(landscape ? "landscape" : "portrait").append("; margin: 14mm 12mm 16mm 12mm;")
                .append(" @bottom-center { content: counter(page) \" / \" counter(pages); font-family: '").append(FONT).append("'; font-size: 8pt; } }")
                .append("body { font-family: '").append(FONT).append("'; font-size: 8.5pt; line-height: 1.35; }")
                .append("h1 { font-size: 14pt; font-weight: 700; margin: 0 0 4pt 0; }")
                .append("h2 { font-size: 10.5pt; font-weight: 700; margin: 8pt 0 3pt 0; }")
                .append("p { margin: 2pt 0; } p.unit { text-align: right; }")
                .append("table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; margin-bottom: 4pt; }")
                .append("th, td { border: 0.5pt solid #555; padding: 1.5pt 3pt; vertical-align: top; }")
                .append("th { font-weight: 700; background: #eee; text-align: center; }")
                .append("td.amount { text-align: right; white-space: nowrap; }")
                .append("tr { page-break-inside: avoid; } tr.subtotal td, tr.total td { font-weight: 700; }")
                .append("tr.total td { border-top: 1.2pt solid #000; }")
                .append("</style></head><body>");
        boolean inTable = false;
        boolean inBody = false;
        for (Row row : rows) {
            if (!TABLE_ROWS.contains(row.kind()) && inTable) {
                html.append(inBody ? "</tbody>" : "").append("</table>");
                inTable = false;
                inBody = false;
            }
            switch (row.kind()) {
                case TITLE -> html.append("<h1>").append(text(row)).append("</h1>");
                case SECTION -> html.append("<h2>").append(text(row)).append("</h2>");
                case UNIT -> html.append("<p class=\"unit\">").append(text(row)).append("</p>");
                case ATTACHMENT, NOTE -> html.append("<p>").append(text(row)).append("</p>");
                case BLANK -> {
                }
                case HEADER -> {
                    if (inTable) {
                        html.append(inBody ? "</tbody>" : "").append("</table>");
                    }
                    html.append("<table>").append(columns(widths, total)).append("<thead><tr>");
                    row.cells().forEach(cell -> html.append("<th>").append(escape(value(cell))).append("</th>"));
                    html.append("</tr></thead><tbody>");
                    inTable = true;
                    inBody = true;
                }
                case LINE, SUBTOTAL, TOTAL -> {
                    if (!inTable) {
                        html.append("<table>").append(columns(widths, total)).append("<tbody>");
                        inTable = true;
                        inBody = true;
                    }
                    html.append("<tr class=\"").append(row.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">");
                    for (Cell cell : row.cells()) {
                        html.append(cell instanceof Amount ? "<td class=\"amount\">" : "<td>").append(escape(value(cell))).append("</td>");
                    }
                    html.append("</tr>");
                }
            }
        }
        if (inTable) {
            html.append("</tbody></table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String columns(int[] widths, int total) {
        if (widths.length == 0) {
            return "";
        }
        StringBuilder columns = new StringBuilder("<colgroup>");
        for (int width : widths) {
            columns.append("<col style=\"width: ").append(String.format(java.util.Locale.ROOT, "%.2f", 100.0 * width / total)).append("%\"/>");
        }
        return columns.append("</colgroup>").toString();
    }

    private static String text(Row row) {
        return escape(String.join(" ", row.cells().stream().map(PdfDocuments::value).toList()));
    }

    private static String value(Cell cell) {
        return cell instanceof Amount amount ? amount.formatted() : ((Text) cell).value();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if ((c >= 0x20 && (c < 0xD800 || c > 0xDFFF) && c != 0xFFFE && c != 0xFFFF) || c == '\t' || c == '\n') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the PDF font " + resource + " is not in the service's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
