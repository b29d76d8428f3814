package jp.budgetledger.core.budgetcsv;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Numbers;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.core.budgetcsv.BudgetCsvParser.Level;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.DocumentProblem;
import org.apache.commons.csv.CSVRecord;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a budget book printed as an outline: a header of level columns holding names ({@code 款,項,目,節}),
 * perhaps {@code 説明}, and an amount column per fiscal year ({@code R6,R7}, {@code 令和7年度}, {@code 2025年度},
 * {@code H30}, with or without {@code 予算額} and a unit in brackets); then one row per 科目, each in the
 * column of its level and carrying its own amount, under the rows of the levels above it. The deepest rows
 * (目, or 節 where a 目 has them) are the lines; every row above them is a subtotal, checked against the sum of
 * its children. A row with only a 説明 is a note; a row without amounts saying 歳入 or 歳出 (perhaps after a
 * 会計's name, {@code 一般会計 歳出}) starts that side (and 会計); a 款-column row saying 合計 or 総計 is
 * checked against the 款 of its side. A level cell may print a code ({@code 1 市税}, {@code 第1款 市税});
 * where it prints none the code is the row's ordinal among its siblings (1, 2, 3…). An empty amount
 * (or a dash) means the 科目 is not in that year's book.
 */
final class OutlineReader {

    private static final Pattern BRACKET = Pattern.compile("^(.*?)[(\\[<【〔](.*)[)\\]>】〕]$");
    private static final Pattern YEAR_WORDS = Pattern.compile("^(.*?)(?:当初予算額|予算額|当初予算|予算|当初)?$");
    private static final Pattern HEADING = Pattern.compile("^(?:(.+?会計)[\\s\\u3000]*)?(歳入|歳出)?(?:の部)?$");
    private static final Pattern TOTAL = Pattern.compile("^(?:歳入|歳出)?(?:合計|総計)$|^計$");
    private static final List<Level> PATH = List.of(Level.KAN, Level.KOU, Level.MOKU, Level.JIGYOU, Level.SETSU, Level.SAISETSU);

    private final BudgetCsvDefaults defaults;
    private final List<DocumentProblem> problems;
    private final List<String> headers = new ArrayList<>();
    /** The level columns present, from 款 down: their level and index. */
    private final List<Level> levels = new ArrayList<>();
    private final List<Integer> levelIndexes = new ArrayList<>();
    private final Map<FiscalYear, Integer> yearColumns = new TreeMap<>();
    private final Map<String, Node> roots = new LinkedHashMap<>();
    private final List<Node> open = new ArrayList<>();
    private Integer amountColumn;
    private FiscalYear fiscalYear;
    private AmountUnit unit;
    private SubjectLevel account = SubjectLevel.of(null, BudgetCsvParser.DEFAULT_ACCOUNT);
    private Side side;
    private boolean sideMissingReported;

    /** A row of the outline: its 科目, its printed amount (null: not in the year's book) and the rows under it. */
    private static final class Node {
        final int row;
        final Level level;
        final SubjectLevel subject;
        final Long printed;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        final SubjectLevel account;
        final Side side;

        Node(int row, Level level, SubjectLevel subject, Long printed, Node parent, SubjectLevel account, Side side) {
            this.row = row;
            this.level = level;
            this.subject = subject;
            this.printed = printed;
            this.parent = parent;
            this.account = account;
            this.side = side;
        }
    }

    OutlineReader(BudgetCsvDefaults defaults, List<DocumentProblem> problems) {
        this.defaults = defaults;
        this.problems = problems;
    }

    /** Whether a header is an outline's: bare level columns (款, 項, 目) and year columns, and none of the row layout's columns. */
    static boolean isOutline(CSVRecord header) {
        boolean kan = false;
        boolean year = false;
        for (String cell : header) {
            String raw = BudgetCsvParser.normalizedHeader(cell);
            Matcher bracket = BRACKET.matcher(raw);
            if (bracket.matches()) {
                raw = bracket.group(1);
            }
            Object role = BudgetCsvParser.role(raw);
            if (role instanceof BudgetCsvParser.LevelColumn column) {
                if (column.part() != BudgetCsvParser.Part.BARE || column.level() == Level.ACCOUNT) {
                    return false;
                }
                kan |= column.level() == Level.KAN;
            } else if (role != null) {
                return false;
            } else {
                year |= yearOf(raw) != null;
            }
        }
        return kan && year;
    }

    /** The fiscal year a column's header names ({@code R7}, {@code 令和7年度予算額}), or null. */
    private static FiscalYear yearOf(String raw) {
        Matcher words = YEAR_WORDS.matcher(raw);
        String year = words.matches() ? words.group(1) : raw;
        if (year.isEmpty()) {
            return null;
        }
        try {
            return BudgetCsvParser.fiscalYear(year);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    FiscalYear fiscalYear() {
        return fiscalYear;
    }

    AmountUnit unit() {
        return unit;
    }

    void header(CSVRecord record, int row) {
        Map<FiscalYear, String> stated = new HashMap<>();
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        for (int i = 0; i < record.size(); i++) {
            headers.add(record.get(i).strip());
            String raw = BudgetCsvParser.normalizedHeader(record.get(i));
            String unitText = null;
            Matcher bracket = BRACKET.matcher(raw);
            if (bracket.matches()) {
                raw = bracket.group(1);
                unitText = bracket.group(2);
            }
            if (BudgetCsvParser.role(raw) instanceof BudgetCsvParser.LevelColumn column && PATH.contains(column.level())) {
                Integer earlier = byLevel.putIfAbsent(column.level(), i);
                if (earlier != null) {
                    repeated(row, i, earlier);
                }
                continue;
            }
            FiscalYear year = yearOf(raw);
            if (year != null) {
                Integer earlier = yearColumns.putIfAbsent(year, i);
                if (earlier != null) {
                    repeated(row, i, earlier);
                } else if (unitText != null) {
                    stated.put(year, unitText);
                }
            }
        }
        for (Level level : PATH) {
            if (byLevel.containsKey(level)) {
                levels.add(level);
                levelIndexes.add(byLevel.get(level));
            }
        }
        for (Level level : List.of(Level.KOU, Level.MOKU)) {
            if (!byLevel.containsKey(level)) {
                problem(row, level.japanese(), "the outline has no " + level.japanese() + " column (every line needs its 款, 項 and 目)");
            }
        }
        String found = String.join(", ", yearColumns.values().stream().map(headers::get).toList());
        if (defaults.fiscalYear() == null) {
            problem(row, "年度", "an outline has an amount column per year (" + found + "); say which fiscal year to import (fiscalYear=2025)");
        } else {
            amountColumn = yearColumns.get(defaults.fiscalYear());
            if (amountColumn == null) {
                problem(row, "年度", "no amount column is for fiscal year " + defaults.fiscalYear().value() + " ("
                        + defaults.fiscalYear().japaneseName() + "); the year columns are " + found);
            } else {
                fiscalYear = defaults.fiscalYear();
                unit(row, stated.get(fiscalYear));
            }
        }
        if (unit == null) {
            unit = defaults.unit() == null ? AmountUnit.YEN : defaults.unit();
        }
    }

    private void unit(int row, String stated) {
        AmountUnit inHeader = stated == null ? null
                : stated.contains("千円") ? AmountUnit.THOUSAND_YEN
                : stated.contains("百万円") ? AmountUnit.MILLION_YEN
                : stated.contains("円") ? AmountUnit.YEN : null;
        if (inHeader != null && defaults.unit() != null && inHeader != defaults.unit()) {
            problem(row, headers.get(amountColumn), "the header states " + inHeader.label() + " but the import was asked to read "
                    + defaults.unit().label());
        }
        unit = defaults.unit() != null ? defaults.unit() : inHeader;
    }

    void row(CSVRecord record, int row) {
        if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
            return;
        }
        List<Integer> given = new ArrayList<>();
        for (int d = 0; d < levels.size(); d++) {
            if (cell(record, levelIndexes.get(d)) != null) {
                given.add(d);
            }
        }
        boolean noAmounts = yearColumns.values().stream().allMatch(c -> cell(record, c) == null);
        if (noAmounts && heading(record)) {
            return;
        }
        if (given.isEmpty()) {
            return;
        }
        if (given.size() > 1) {
            problem(row, headers.get(levelIndexes.get(given.get(1))), "a row of the outline gives one level; this one gives "
                    + levels.get(given.get(0)).japanese() + " and " + levels.get(given.get(1)).japanese());
            return;
        }
        int depth = given.get(0);
        String text = cell(record, levelIndexes.get(depth));
        Long printed = amount(record, row);
        if (depth == 0 && TOTAL.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "")).matches()) {
            total(row, text, printed);
            return;
        }
        if (side == null) {
            side = defaults.side();
        }
        if (side == null) {
            if (!sideMissingReported) {
                problem(row, "歳入歳出", "no side: give side=revenue or expenditure, or a 歳入 or 歳出 heading row above the 款");
                sideMissingReported = true;
            }
            return;
        }
        while (open.size() > depth) {
            close(open.remove(open.size() - 1));
        }
        Level level = levels.get(depth);
        if (open.size() < depth) {
            problem(row, headers.get(levelIndexes.get(depth)), "a " + level.japanese() + " row needs the "
                    + levels.get(depth - 1).japanese() + " row it belongs to above it");
            return;
        }
        Node parent = depth == 0 ? root() : open.get(depth - 1);
        String[] split = BudgetCsvParser.split(text);
        if (split[1] == null) {
            problem(row, headers.get(levelIndexes.get(depth)), level.japanese() + " " + text + " has no name");
            return;
        }
        SubjectLevel subject;
        try {
            subject = SubjectLevel.of(split[0] != null ? split[0] : Integer.toString(parent.children.size() + 1), split[1]);
        } catch (InvalidValueException e) {
            problem(row, headers.get(levelIndexes.get(depth)), e.reason());
            return;
        }
        Node node = new Node(row, level, subject, printed, parent, account, side);
        parent.children.add(node);
        open.add(node);
    }

    /** Whether the row is a heading (歳入, 歳出, a 会計's name or both); it then sets the side and 会計 of the rows below. */
    private boolean heading(CSVRecord record) {
        String text = null;
        for (int i = 0; i < record.size(); i++) {
            String clean = Text.cleanOrNull(record.get(i));
            if (clean != null) {
                if (text != null || levelIndexes.indexOf(i) > 0) {
                    return false;
                }
                text = clean;
            }
        }
        Matcher heading = HEADING.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!heading.matches() || heading.group(1) == null && heading.group(2) == null) {
            return false;
        }
        closeAll();
        if (heading.group(1) != null) {
            account = SubjectLevel.of(null, heading.group(1).strip());
        }
        if (heading.group(2) != null) {
            side = Side.parse(heading.group(2));
        }
        return true;
    }

    private Node root() {
        return roots.computeIfAbsent(account.key() + "|" + side.code(), k -> new Node(0, null, null, null, null, account, side));
    }

    /** A printed 合計 or 総計: the sum of the 款 of the side so far (of every side for 総計). */
    private void total(int row, String text, Long printed) {
        closeAll();
        long sum = 0;
        for (Node root : roots.values()) {
            if (text.contains("総計") || root.account.equals(account) && root.side == side) {
                for (Node kan : root.children) {
                    sum += kan.printed == null ? 0 : kan.printed;
                }
            }
        }
        if (printed != null && printed != sum) {
            problem(row, headers.get(amountColumn), String.format("%s prints %,d but the 款 rows above add up to %,d", text, printed, sum));
        }
    }

    private void closeAll() {
        while (!open.isEmpty()) {
            close(open.remove(open.size() - 1));
        }
    }

    /** Checks a row with rows under it against their sum. */
    private void close(Node node) {
        if (node.children.isEmpty() || amountColumn == null) {
            return;
        }
        long sum = 0;
        boolean any = false;
        for (Node child : node.children) {
            if (child.printed != null) {
                sum = Math.addExact(sum, child.printed);
                any = true;
            }
        }
        String below = node.children.get(0).level.japanese();
        if (node.printed == null) {
            if (any) {
                problem(node.row, headers.get(amountColumn), String.format("%s %s prints no amount but its %s rows add up to %,d",
                        node.level.japanese(), node.subject.name(), below, sum));
            }
        } else if (node.printed != sum) {
            problem(node.row, headers.get(amountColumn), String.format("%s %s prints %,d but its %s rows (rows %d–%d) add up to %,d",
                    node.level.japanese(), node.subject.name(), node.printed, below, node.children.get(0).row,
                    node.children.get(node.children.size() - 1).row, sum));
        }
    }

    private Long amount(CSVRecord record, int row) {
        if (amountColumn == null) {
            return null;
        }
        String value = cell(record, amountColumn);
        if (value == null || value.matches("^[-－―‐ー—]$")) {
            return null;
        }
        String header = headers.get(amountColumn);
        try {
            long printed = Numbers.parseLong(header, value);
            if (printed < 0) {
                problem(row, header, "'" + value + "' is negative; a budget amount is zero or more");
                return null;
            }
            return printed;
        } catch (InvalidValueException e) {
            problem(row, header, e.reason());
            return null;
        }
    }

    /** The lines: the deepest rows with an amount, each with the path of the rows above it. */
    List<BudgetCsvRow> finish() {
        closeAll();
        List<BudgetCsvRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node root : roots.values()) {
            for (Node kan : root.children) {
                leaves(kan, rows, seen);
            }
        }
        rows.sort(java.util.Comparator.comparingInt(BudgetCsvRow::row));
        return rows;
    }

    private void leaves(Node node, List<BudgetCsvRow> rows, Map<String, Integer> seen) {
        if (!node.children.isEmpty()) {
            node.children.forEach(child -> leaves(child, rows, seen));
            return;
        }
        if (node.printed == null) {
            return;
        }
        String column = headers.get(levelIndexes.get(levels.indexOf(node.level)));
        Map<Level, SubjectLevel> path = new EnumMap<>(Level.class);
        for (Node at = node; at.level != null; at = at.parent) {
            path.put(at.level, at.subject);
        }
        if (!path.containsKey(Level.MOKU)) {
            problem(node.row, column, node.level.japanese() + " " + node.subject.name()
                    + " has no rows below it; each of the outline's deepest rows is a line and needs its 款, 項 and 目");
            return;
        }
        try {
            Subject subject = new Subject(path.get(Level.KAN), path.get(Level.KOU), path.get(Level.MOKU), path.get(Level.JIGYOU),
                    path.get(Level.SETSU), path.get(Level.SAISETSU));
            Classification classification = new Classification(node.account, node.side, subject, null);
            Integer earlier = seen.putIfAbsent(classification.pathKey(), node.row);
            if (earlier != null) {
                problem(node.row, column, "the same 科目 path (" + classification.pathKey() + ") is on row " + earlier);
                return;
            }
            rows.add(new BudgetCsvRow(node.row, classification, Department.of(BudgetCsvParser.NO_DEPARTMENT), node.subject.name(),
                    unit.toMoney(node.printed)));
        } catch (InvalidValueException e) {
            problem(node.row, column, e.reason());
        } catch (Money.AmountOutOfRangeException e) {
            problem(node.row, headers.get(amountColumn), "'" + node.printed + "' is too large");
        }
    }

    private void repeated(int row, int column, int earlier) {
        problem(row, headers.get(column), "column " + (column + 1) + " repeats column " + (earlier + 1) + " (" + headers.get(earlier) + ")");
    }

    private static String cell(CSVRecord record, int column) {
        return column < record.size() ? Text.cleanOrNull(record.get(column)) : null;
    }

    private void problem(int row, String field, String reason) {
        problems.add(new DocumentProblem(row, field, reason));
    }
}
