package jp.budgetledger.core.document;

import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Numbers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a budget table in the 別紙 layout:
 * <ul>
 *   <li>a title line, a {@code 別紙N} line, numbered sections {@code N. 名称} (the section is the
 *       category, code N), a {@code (単位:千円)} line (円 and 百万円 too);</li>
 *   <li>a tab-separated header row naming the columns (部局名, 細事業名, 当初予算額, 取組概要), then one
 *       row per budget line; an empty department repeats the one above (a merged cell), an empty
 *       summary right after a line with one shares that summary;</li>
 *   <li>{@code (注)} lines as notes of their section; {@code 小計} rows as printed subtotals of their
 *       section; {@code 合計(1+2+…)} rows as printed totals of the named sections;</li>
 *   <li>amounts with thousands separators, full-width digits and commas, △/▲ as minus; blank
 *       lines and trailing spaces anywhere; UTF-8 (with or without BOM) or Shift_JIS, detected
 *       unless a charset is given.</li>
 * </ul>
 * It never stops at the first problem: every problem is reported with its row.
 */
public final class BudgetTableParser {

    /** Windows' Shift_JIS, which is what "Shift_JIS" files from government offices actually are. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private static final Pattern SECTION = Pattern.compile("^\\s*([0-9０-９]{1,3})\\s*[.．、]\\s*(.+?)\\s*$");
    private static final Pattern UNIT = Pattern.compile("^\\(単位:\\s*(百万円|千円|円)\\s*\\)$");
    private static final Pattern ATTACHMENT = Pattern.compile("^(別紙|別表)\\s*[0-9]+.*$");
    private static final Pattern TOTAL_SECTIONS = Pattern.compile("\\(([0-9+\\s]+)\\)");

    private BudgetTableParser() {
    }

    /** Parses {@code bytes}, detecting UTF-8 or Shift_JIS. */
    public static ParsedDocument parse(byte[] bytes) {
        return parse(bytes, null);
    }

    /** Parses {@code bytes} read in {@code charset}, or detected when null. */
    public static ParsedDocument parse(byte[] bytes, Charset charset) {
        List<DocumentProblem> problems = new ArrayList<>();
        Charset used = charset;
        String text;
        if (charset != null) {
            text = decode(bytes, charset);
            if (text == null) {
                problems.add(new DocumentProblem(0, "charset", "the document is not valid " + charset.name()));
                text = new String(bytes, charset);
            }
        } else {
            DecodedText detected = detect(bytes);
            if (detected == null) {
                problems.add(new DocumentProblem(0, "charset", "the document is neither UTF-8 nor Shift_JIS text"));
                detected = new DecodedText(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
            text = detected.text();
            used = detected.charset();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        BudgetTable table = new Reader(problems).read(text);
        Reconciliation reconciliation = Reconciliation.of(table, problems);
        problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ParsedDocument(table, reconciliation, problems, sha256(bytes), used);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Text and the character set it was read in. */
    public record DecodedText(String text, Charset charset) {
    }

    /** {@code bytes} as UTF-8 when they are valid UTF-8, else as Shift_JIS ({@link #SHIFT_JIS}); null when neither. */
    public static DecodedText detect(byte[] bytes) {
        for (Charset charset : new Charset[]{StandardCharsets.UTF_8, SHIFT_JIS}) {
            String text = decode(bytes, charset);
            if (text != null) {
                return new DecodedText(text, charset);
            }
        }
        return null;
    }

    /** {@code bytes} decoded strictly in {@code charset}, or null when they are not valid text in it. */
    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    /** One pass over the lines of a document. */
    private static final class Reader {
        private final List<DocumentProblem> problems;
        private String title;
        private String attachment;
        private AmountUnit unit;
        private final List<SectionBuilder> sections = new ArrayList<>();
        private final List<RawTotal> grandTotals = new ArrayList<>();
        private Columns columns;
        private final List<Integer> rowsBeforeUnit = new ArrayList<>();

        Reader(List<DocumentProblem> problems) {
            this.problems = problems;
        }

        BudgetTable read(String text) {
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceAll("[\\s\\u3000]+$", "");
                if (!line.isBlank()) {
                    readLine(i + 1, line);
                }
            }
            if (unit == null) {
                problems.add(new DocumentProblem(0, "unit", "the document has no (単位:千円) line; state the unit of its amounts"));
            }
            if (sections.isEmpty()) {
                problems.add(new DocumentProblem(0, null, "the document has no numbered section (e.g. '1. スマート改革の推進')"));
            }
            AmountUnit resolved = unit == null ? AmountUnit.YEN : unit;
            List<BudgetTable.Section> built = sections.stream().map(s -> s.build(resolved, problems)).toList();
            List<BudgetTable.PrintedTotal> totals = grandTotals.stream()
                    .map(t -> t.build(resolved, problems)).filter(java.util.Objects::nonNull).toList();
            return new BudgetTable(title, attachment, resolved, built, totals);
        }

        private void readLine(int row, String line) {
            if (line.indexOf('\t') < 0 && readStructureLine(row, line)) {
                return;
            }
            String[] cells = Arrays.stream(line.split("\t", -1)).map(c -> c.replaceAll("^[\\s\\u3000]+|[\\s\\u3000]+$", ""))
                    .toArray(String[]::new);
            Columns header = Columns.of(cells);
            if (header != null) {
                columns = header;
                if (header.missing() != null) {
                    problems.add(new DocumentProblem(row, header.missing(), "the header row has no such column"));
                }
                return;
            }
            readRow(row, line, cells);
        }

        /** Title, 別紙, section heading, unit or note; false when the line is none of these. */
        private boolean readStructureLine(int row, String line) {
            String norm = nfkc(line);
            Matcher unitMatch = UNIT.matcher(norm);
            if (unitMatch.matches()) {
                AmountUnit stated = AmountUnit.ofLabel(unitMatch.group(1)).orElseThrow();
                if (unit != null && unit != stated) {
                    problems.add(new DocumentProblem(row, "unit", "changes the unit from " + unit.label() + " to " + stated.label()
                            + "; one document must use one unit"));
                }
                unit = stated;
                return true;
            }
            if (norm.startsWith("(注)") || norm.startsWith("注)") || norm.startsWith("※")) {
                if (sections.isEmpty()) {
                    problems.add(new DocumentProblem(row, "note", "a note before the first section"));
                } else {
                    current().notes.add(line.strip());
                }
                return true;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                String code = nfkc(section.group(1)).replaceFirst("^0+(?=.)", "");
                if (sections.stream().anyMatch(s -> s.code.equals(code))) {
                    problems.add(new DocumentProblem(row, "section", "section " + code + " appears twice"));
                }
                sections.add(new SectionBuilder(code, section.group(2).strip(), row));
                return true;
            }
            if (attachment == null && ATTACHMENT.matcher(norm).matches()) {
                attachment = line.strip();
                return true;
            }
            if (title == null && sections.isEmpty()) {
                title = line.strip();
                return true;
            }
            return false;
        }

        private void readRow(int row, String line, String[] cells) {
            if (columns == null) {
                problems.add(new DocumentProblem(row, null, "a row before any header row (部局名, 細事業名, 当初予算額, 取組概要): '" + line.strip() + "'"));
                return;
            }
            String department = columns.cell(cells, columns.department);
            String name = columns.cell(cells, columns.name);
            String amount = columns.cell(cells, columns.amount);
            String summary = columns.cell(cells, columns.summary);
            String label = nfkc(department.isEmpty() ? name : department);
            if (label.equals("小計")) {
                if (sections.isEmpty()) {
                    problems.add(new DocumentProblem(row, "小計", "a subtotal before the first section"));
                    return;
                }
                SectionBuilder section = current();
                if (section.subtotal != null) {
                    problems.add(new DocumentProblem(row, "小計", "section " + section.code + " has a second subtotal row"));
                }
                section.subtotal = new RawTotal(row, "小計", List.of(section.code), amount, columns.amountLabel);
                return;
            }
            if (label.startsWith("合計") || label.startsWith("総計")) {
                List<String> codes = new ArrayList<>();
                Matcher m = TOTAL_SECTIONS.matcher(label);
                if (m.find()) {
                    for (String part : m.group(1).split("\\+")) {
                        if (!part.isBlank()) {
                            codes.add(part.strip().replaceFirst("^0+(?=.)", ""));
                        }
                    }
                }
                grandTotals.add(new RawTotal(row, department.isEmpty() ? name : department, codes, amount, columns.amountLabel));
                return;
            }
            if (sections.isEmpty()) {
                problems.add(new DocumentProblem(row, null, "a budget line before the first numbered section"));
                return;
            }
            current().lines.add(new RawLine(row, department, name, amount, summary));
        }

        private SectionBuilder current() {
            return sections.get(sections.size() - 1);
        }
    }

    /** Where the columns are, from the header row. */
    private record Columns(int department, int name, int amount, int summary, String amountLabel, String missing) {

        static Columns of(String[] cells) {
            int department = -1;
            int name = -1;
            int amount = -1;
            int summary = -1;
            String amountLabel = null;
            for (int i = 0; i < cells.length; i++) {
                String cell = nfkc(cells[i]);
                if (cell.equals("部局名") || cell.equals("部局") || cell.equals("所管")) {
                    department = i;
                } else if (cell.endsWith("事業名")) {
                    name = i;
                } else if (cell.endsWith("額")) {
                    amount = i;
                    amountLabel = cells[i];
                } else if (cell.endsWith("概要")) {
                    summary = i;
                }
            }
            if (department < 0 || name < 0) {
                return null;
            }
            String missing = amount < 0 ? "当初予算額" : null;
            return new Columns(department, name, amount, summary, amountLabel == null ? "当初予算額" : amountLabel, missing);
        }

        String cell(String[] cells, int index) {
            return index >= 0 && index < cells.length ? cells[index] : "";
        }
    }

    private record RawLine(int row, String department, String name, String amount, String summary) {
    }

    private record RawTotal(int row, String label, List<String> codes, String amount, String amountLabel) {
        BudgetTable.PrintedTotal build(AmountUnit unit, List<DocumentProblem> problems) {
            Money printed = parseAmount(row, amountLabel, amount, unit, problems);
            return printed == null ? null : new BudgetTable.PrintedTotal(row, label, codes, printed);
        }
    }

    private static Money parseAmount(int row, String field, String text, AmountUnit unit, List<DocumentProblem> problems) {
        if (text.isBlank()) {
            problems.add(new DocumentProblem(row, field, "the amount is missing"));
            return null;
        }
        try {
            return unit.toMoney(Numbers.parseLong(field, text));
        } catch (InvalidValueException e) {
            problems.add(new DocumentProblem(row, field, e.reason()));
        } catch (ArithmeticException e) {
            problems.add(new DocumentProblem(row, field, "is out of range"));
        }
        return null;
    }

    private static final class SectionBuilder {
        final String code;
        final String name;
        final int row;
        final List<RawLine> lines = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        RawTotal subtotal;

        SectionBuilder(String code, String name, int row) {
            this.code = code;
            this.name = name;
            this.row = row;
        }

        BudgetTable.Section build(AmountUnit unit, List<DocumentProblem> problems) {
            List<BudgetTable.Line> built = new ArrayList<>();
            String department = null;
            String summary = null;
            for (RawLine raw : lines) {
                String lineDepartment = raw.department();
                if (lineDepartment.isEmpty()) {
                    if (department == null) {
                        problems.add(new DocumentProblem(raw.row(), "部局名", "the department is missing and there is no line above it in section " + code));
                    }
                    lineDepartment = department == null ? "" : department;
                }
                if (raw.name().isEmpty()) {
                    problems.add(new DocumentProblem(raw.row(), "細事業名", "the name of the line is missing"));
                }
                boolean shared = raw.summary().isEmpty() && summary != null;
                String lineSummary = shared ? summary : (raw.summary().isEmpty() ? null : raw.summary());
                Money amount = parseAmount(raw.row(), "当初予算額", raw.amount(), unit, problems);
                built.add(new BudgetTable.Line(raw.row(), lineDepartment, raw.name(), amount == null ? Money.ZERO : amount,
                        lineSummary, shared));
                department = lineDepartment;
                summary = lineSummary;
            }
            if (lines.isEmpty()) {
                problems.add(new DocumentProblem(row, "section", "section " + code + " has no lines"));
            }
            BudgetTable.PrintedTotal printed = subtotal == null ? null : subtotal.build(unit, problems);
            return new BudgetTable.Section(code, name, row, built, notes, printed);
        }
    }
}
