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
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableParser;
import jp.budgetledger.core.document.DocumentProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a budget CSV as municipalities publish it in open data: a header row naming the columns,
 * then one row per budget line; or a budget book printed as an outline (a header of level columns
 * holding names, {@code 款,項,目,節,説明}, and an amount column per year, {@code R6,R7}), one row per 科目
 * with its subtotal, every subtotal checked ({@link OutlineReader}: recognised by its header).
 * <p>
 * <b>Columns</b> are recognised by their header after NFKC normalisation with white space removed
 * and a bracketed suffix set aside ({@code 予算額（千円）} is 予算額 stating 千円):
 * <ul>
 *   <li>年度 (also 会計年度, 予算年度): {@code 2021}, {@code 2021年度}, {@code R3}, {@code 令和3}, {@code 令和元年度},
 *       {@code H30}, {@code 平成30}, full-width digits too;</li>
 *   <li>for each level 会計, 款, 項, 目, 事業 (or 細目), 節, 細節 and 所属 (also 部局, 課): the bare level
 *       name ({@code 款}), its name ({@code 款名}, {@code 款名称}) and its code ({@code 款コード}, {@code 款番号});</li>
 *   <li>歳入歳出 (also 区分, 歳入歳出区分): 歳入/歳出 (収入/支出, revenue/expenditure);</li>
 *   <li>予算額 (also 当初予算額, 本年度予算額, 本年度, 当初予算, 金額): an integer with or without grouping commas,
 *       full-width digits, △, ▲ or - as minus (a negative amount is a problem).</li>
 * </ul>
 * Unknown columns and columns with an empty header (an index column) are ignored.
 * <p>
 * <b>A bare level column</b> ({@code 款}) may hold a code ({@code 1}), a code and a name separated by
 * white space, a dot, a colon or an underscore ({@code 1 総務費}, {@code 01．総務費}), a numbered level as
 * books print it ({@code 2款 総務費}, {@code 第2款総務費}), or a name alone ({@code 総務費}). A code column and a name column of the same level take precedence over it; it fills
 * in what they leave out. A level given by code only is a problem (every level needs a name), except
 * the 所属, whose code is its name then.
 * <p>
 * <b>Defaults:</b> a file without 会計 columns is 一般会計; a row without a 所属 is of the department
 * {@value #NO_DEPARTMENT}; side and fiscal year come from {@link BudgetCsvDefaults} when the file has no
 * such column (or the cell is empty). All rows of one file belong to one fiscal year.
 * <p>
 * <b>Rows:</b> 款, 項 and 目 are required, 事業, 節 and 細節 optional (a 細節 needs a 節). Within the file a
 * line (会計, side, 科目 path, 所属) appears once and a code has one name at each place of the path.
 * Rows whose cells are all empty are skipped. Every problem is reported with the row's line number in
 * the file (the header is line 1) and the column's header, all of them, not only the first.
 * <p>
 * <b>Bytes:</b> UTF-8 with or without BOM, else Shift_JIS (windows-31j); comma-separated, or
 * tab-separated when the header has tabs and no commas.
 */
public final class BudgetCsvParser {

    /** The 所属 of rows that name none. */
    public static final String NO_DEPARTMENT = "所属なし";
    /** The 会計 of files that have no 会計 column. */
    public static final String DEFAULT_ACCOUNT = "一般会計";

    private static final Pattern BRACKET = Pattern.compile("^(.*?)[(\\[<【〔](.*)[)\\]>】〕]$");
    private static final Pattern CODE_ONLY = Pattern.compile("^[0-9０-９]+$");
    private static final Pattern CODE_AND_NAME = Pattern.compile(
            "^([0-9０-９]+)(?:[\\s\\u3000]+|[\\s\\u3000]*[.:_．：＿][\\s\\u3000]*)([^\\s\\u3000].*)$");
    private static final Pattern NUMBERED_LEVEL = Pattern.compile(
            "^第?([0-9０-９]+)(?:細節|款|項|目|節)[\\s\\u3000]*([^\\s\\u3000].*)$");
    private static final Pattern WESTERN_YEAR = Pattern.compile("^([0-9]{4})(?:年度|年)?$");
    private static final Pattern ERA_YEAR = Pattern.compile("^(R|令和|H|平成)\\s*([0-9]{1,2}|元)(?:年度|年)?$", Pattern.CASE_INSENSITIVE);

    /** The levels a row may give, in the order of the path. */
    enum Level {
        ACCOUNT("会計"), KAN("款"), KOU("項"), MOKU("目"), JIGYOU("事業", "細目"), SETSU("節"), SAISETSU("細節"),
        DEPARTMENT("所属", "部局", "課");

        final List<String> names;

        Level(String... names) {
            this.names = List.of(names);
        }

        String japanese() {
            return names.get(0);
        }
    }

    enum Part { BARE, NAME, CODE }

    private static final Map<String, Object> HEADERS = headers();

    private BudgetCsvParser() {
    }

    private static Map<String, Object> headers() {
        Map<String, Object> map = new HashMap<>();
        for (Level level : Level.values()) {
            for (String name : level.names) {
                map.put(name, new LevelColumn(level, Part.BARE));
                map.put(name + "名", new LevelColumn(level, Part.NAME));
                map.put(name + "名称", new LevelColumn(level, Part.NAME));
                map.put(name + "コード", new LevelColumn(level, Part.CODE));
                map.put(name + "番号", new LevelColumn(level, Part.CODE));
                map.put(name + "CD", new LevelColumn(level, Part.CODE));
            }
        }
        for (String name : List.of("年度", "会計年度", "予算年度")) {
            map.put(name, Single.YEAR);
        }
        for (String name : List.of("歳入歳出", "区分", "歳入歳出区分", "歳入・歳出", "歳入/歳出")) {
            map.put(name, Single.SIDE);
        }
        for (String name : List.of("予算額", "当初予算額", "本年度予算額", "本年度", "当初予算", "金額")) {
            map.put(name, Single.AMOUNT);
        }
        return Map.copyOf(map);
    }

    record LevelColumn(Level level, Part part) {
    }

    /** A header cell as the columns are looked up: NFKC, without white space. */
    static String normalizedHeader(String cell) {
        return Normalizer.normalize(cell, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }

    /** What a normalised header (without its bracketed suffix) names: a {@link LevelColumn}, a column of one value, or null. */
    static Object role(String header) {
        return HEADERS.get(header);
    }

    private enum Single { YEAR, SIDE, AMOUNT }

    /** Parses {@code bytes}, detecting UTF-8 or Shift_JIS. */
    public static ParsedBudgetCsv parse(byte[] bytes, BudgetCsvDefaults defaults) {
        List<DocumentProblem> problems = new ArrayList<>();
        BudgetTableParser.DecodedText detected = BudgetTableParser.detect(bytes);
        if (detected == null) {
            problems.add(new DocumentProblem(0, "charset", "the file is neither UTF-8 nor Shift_JIS text"));
            detected = new BudgetTableParser.DecodedText(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        String text = detected.text();
        Charset charset = detected.charset();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Reader reader = new Reader(text, defaults == null ? BudgetCsvDefaults.NONE : defaults, problems);
        List<BudgetCsvRow> rows = reader.read();
        problems.sort(Comparator.comparingInt(DocumentProblem::row));
        return new ParsedBudgetCsv(rows, problems, reader.fiscalYear, reader.unit, BudgetTableParser.sha256(bytes), charset,
                reader.outline != null ? ParsedBudgetCsv.Layout.OUTLINE : ParsedBudgetCsv.Layout.ROWS);
    }

    /**
     * A fiscal year as budget files write it: {@code 2021}, {@code 2021年度}, {@code R3}, {@code 令和3年度},
     * {@code 令和元}, {@code H30}, {@code 平成30年度}, in half- or full-width characters.
     *
     * @throws InvalidValueException naming {@code 年度} otherwise
     */
    public static FiscalYear fiscalYear(String text) {
        String s = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher western = WESTERN_YEAR.matcher(s);
        if (western.matches()) {
            return FiscalYear.of(Integer.parseInt(western.group(1)));
        }
        Matcher era = ERA_YEAR.matcher(s);
        if (era.matches()) {
            int n = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            boolean reiwa = era.group(1).equalsIgnoreCase("R") || era.group(1).equals("令和");
            if (n >= 1) {
                return FiscalYear.of((reiwa ? 2018 : 1988) + n);
            }
        }
        throw new InvalidValueException("年度", "'" + s + "' is not a fiscal year (write 2021, R3, 令和3 or H30)");
    }

    /** One pass over the records of a file. */
    private static final class Reader {
        private final String text;
        private final BudgetCsvDefaults defaults;
        private final List<DocumentProblem> problems;
        private final int[] lineStarts;
        private final Map<Level, Map<Part, Integer>> levelColumns = new EnumMap<>(Level.class);
        private final Map<Single, Integer> singleColumns = new EnumMap<>(Single.class);
        private final List<String> headers = new ArrayList<>();
        private final Map<String, Integer> linesSeen = new HashMap<>();
        private final Map<String, Named> namesSeen = new HashMap<>();
        private FiscalYear fiscalYear;
        private OutlineReader outline;
        private int fiscalYearRow;
        private AmountUnit unit;

        private record Named(String name, int row) {
        }

        Reader(String text, BudgetCsvDefaults defaults, List<DocumentProblem> problems) {
            this.text = text;
            this.defaults = defaults;
            this.problems = problems;
            this.lineStarts = lineStarts(text);
            this.fiscalYear = defaults.fiscalYear();
        }

        List<BudgetCsvRow> read() {
            int firstBreak = text.indexOf('\n');
            String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
            char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            List<BudgetCsvRow> rows = new ArrayList<>();
            boolean header = true;
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
                for (CSVRecord record : parser) {
                    int row = lineOf(record.getCharacterPosition());
                    if (header) {
                        header = false;
                        if (OutlineReader.isOutline(record)) {
                            outline = new OutlineReader(defaults, problems);
                            outline.header(record, row);
                            fiscalYear = outline.fiscalYear();
                            unit = outline.unit();
                            if (!problems.isEmpty()) {
                                return rows;
                            }
                            continue;
                        }
                        readHeader(record, row);
                        if (!problems.isEmpty()) {
                            return rows;
                        }
                    } else if (outline != null) {
                        outline.row(record, row);
                    } else {
                        readRow(record, row, rows);
                    }
                }
            } catch (IOException | IllegalStateException | UncheckedIOException e) {
                problems.add(new DocumentProblem(0, null, "the file is not well-formed CSV: " + e.getMessage()));
            }
            if (header) {
                problems.add(new DocumentProblem(0, null, "the file is empty; it needs a header row and one row per line"));
            }
            if (outline != null) {
                rows.addAll(outline.finish());
            }
            return rows;
        }

        private void readHeader(CSVRecord record, int row) {
            for (int i = 0; i < record.size(); i++) {
                String raw = Normalizer.normalize(record.get(i), Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
                headers.add(record.get(i).strip());
                String stated = null;
                Matcher bracket = BRACKET.matcher(raw);
                if (bracket.matches()) {
                    raw = bracket.group(1);
                    stated = bracket.group(2);
                }
                Object role = HEADERS.get(raw);
                if (role instanceof LevelColumn column) {
                    Integer earlier = levelColumns.computeIfAbsent(column.level(), l -> new EnumMap<>(Part.class))
                            .putIfAbsent(column.part(), i);
                    if (earlier != null) {
                        repeated(row, i, earlier);
                    }
                } else if (role instanceof Single single) {
                    Integer earlier = singleColumns.putIfAbsent(single, i);
                    if (earlier != null) {
                        repeated(row, i, earlier);
                    } else if (single == Single.AMOUNT) {
                        readUnit(row, i, stated);
                    }
                }
            }
            if (!singleColumns.containsKey(Single.AMOUNT)) {
                problems.add(new DocumentProblem(row, "予算額", "the header has no 予算額 column"));
            }
            for (Level level : List.of(Level.KAN, Level.KOU, Level.MOKU)) {
                if (!levelColumns.containsKey(level)) {
                    problems.add(new DocumentProblem(row, level.japanese(), "the header has no " + level.japanese() + " column ("
                            + level.japanese() + ", " + level.japanese() + "名 or " + level.japanese() + "コード)"));
                }
            }
            for (Level level : Level.values()) {
                Map<Part, Integer> parts = levelColumns.get(level);
                if (level != Level.DEPARTMENT && parts != null && !parts.containsKey(Part.NAME) && !parts.containsKey(Part.BARE)) {
                    problems.add(new DocumentProblem(row, headers.get(parts.get(Part.CODE)), "a " + level.japanese()
                            + " code needs its name: add a " + level.japanese() + "名 column"));
                }
            }
            if (!singleColumns.containsKey(Single.SIDE) && defaults.side() == null) {
                problems.add(new DocumentProblem(row, "歳入歳出", "the file has no 歳入歳出 column; say which side it is (side=expenditure or revenue)"));
            }
            if (!singleColumns.containsKey(Single.YEAR) && defaults.fiscalYear() == null) {
                problems.add(new DocumentProblem(row, "年度", "the file has no 年度 column; say which fiscal year it is (fiscalYear=2021)"));
            }
            if (unit == null) {
                unit = defaults.unit() == null ? AmountUnit.YEN : defaults.unit();
            }
        }

        private void repeated(int row, int column, int earlier) {
            problems.add(new DocumentProblem(row, headers.get(column), "column " + (column + 1) + " repeats column "
                    + (earlier + 1) + " (" + headers.get(earlier) + ")"));
        }

        private void readUnit(int row, int column, String stated) {
            AmountUnit inHeader = stated == null ? null
                    : stated.contains("千円") ? AmountUnit.THOUSAND_YEN
                    : stated.contains("百万円") ? AmountUnit.MILLION_YEN
                    : stated.contains("円") ? AmountUnit.YEN : null;
            if (inHeader != null && defaults.unit() != null && inHeader != defaults.unit()) {
                problems.add(new DocumentProblem(row, headers.get(column), "the header states " + inHeader.label()
                        + " but the import was asked to read " + defaults.unit().label()));
            }
            unit = defaults.unit() != null ? defaults.unit() : inHeader;
        }

        private void readRow(CSVRecord record, int row, List<BudgetCsvRow> rows) {
            if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            int before = problems.size();
            readYear(record, row);
            SubjectLevel account = levelColumns.containsKey(Level.ACCOUNT) ? level(record, row, Level.ACCOUNT, true)
                    : SubjectLevel.of(null, DEFAULT_ACCOUNT);
            Side side = side(record, row);
            Map<Level, SubjectLevel> path = new LinkedHashMap<>();
            for (Level level : List.of(Level.KAN, Level.KOU, Level.MOKU, Level.JIGYOU, Level.SETSU, Level.SAISETSU)) {
                SubjectLevel given = level(record, row, level, level.ordinal() <= Level.MOKU.ordinal());
                if (given != null) {
                    path.put(level, given);
                }
            }
            if (path.containsKey(Level.SAISETSU) && !path.containsKey(Level.SETSU)) {
                problem(row, column(Level.SETSU), "a row with a 細節 needs its 節");
            }
            Department department = null;
            String departmentCode = null;
            try {
                departmentCode = cell(record, Level.DEPARTMENT, Part.CODE);
                SubjectLevel named = levelColumns.containsKey(Level.DEPARTMENT) ? departmentLevel(record) : null;
                if (named != null && departmentCode == null) {
                    departmentCode = named.code();
                }
                department = Department.of(named != null ? named.name() : departmentCode != null ? departmentCode : NO_DEPARTMENT);
            } catch (InvalidValueException e) {
                problem(row, column(Level.DEPARTMENT), e.reason());
            }
            Money amount = amount(record, row);
            if (problems.size() > before) {
                return;
            }
            try {
                Subject subject = new Subject(path.get(Level.KAN), path.get(Level.KOU), path.get(Level.MOKU),
                        path.get(Level.JIGYOU), path.get(Level.SETSU), path.get(Level.SAISETSU));
                Classification classification = new Classification(account, side, subject, departmentCode);
                if (checkUnique(row, classification, department, path)) {
                    rows.add(new BudgetCsvRow(row, classification, department, subject.deepest().name(), amount));
                }
            } catch (InvalidValueException e) {
                problem(row, "departmentCode".equals(e.field()) ? column(Level.DEPARTMENT) : e.field(), e.reason());
            }
        }

        private void readYear(CSVRecord record, int row) {
            Integer column = singleColumns.get(Single.YEAR);
            String value = column == null ? null : cell(record, column);
            if (value == null) {
                if (fiscalYear == null) {
                    problem(row, "年度", "is empty and no fiscal year was given for the file");
                }
                return;
            }
            try {
                FiscalYear year = fiscalYear(value);
                if (fiscalYear == null) {
                    fiscalYear = year;
                    fiscalYearRow = row;
                } else if (!fiscalYear.equals(year)) {
                    problem(row, headers.get(column), "'" + value + "' is fiscal year " + year.value() + ", but "
                            + (fiscalYearRow > 0 ? "row " + fiscalYearRow + " is " : "the import is for ") + fiscalYear.value()
                            + "; one file holds one fiscal year");
                }
            } catch (InvalidValueException e) {
                problem(row, headers.get(column), e.reason());
            }
        }

        private Side side(CSVRecord record, int row) {
            Integer column = singleColumns.get(Single.SIDE);
            String value = column == null ? null : cell(record, column);
            if (value == null) {
                if (defaults.side() == null) {
                    problem(row, column == null ? "歳入歳出" : headers.get(column), "is empty and no side was given for the file");
                }
                return defaults.side();
            }
            try {
                return Side.parse(value);
            } catch (InvalidValueException e) {
                problem(row, headers.get(column), "'" + value + "' " + e.reason());
                return null;
            }
        }

        private Money amount(CSVRecord record, int row) {
            Integer column = singleColumns.get(Single.AMOUNT);
            String header = headers.get(column);
            String value = cell(record, column);
            if (value == null) {
                problem(row, header, "is empty; write 0 for a placeholder line");
                return null;
            }
            try {
                long printed = Numbers.parseLong(header, value);
                if (printed < 0) {
                    problem(row, header, "'" + value + "' is negative; a budget line's amount is zero or more");
                    return null;
                }
                return unit.toMoney(printed);
            } catch (InvalidValueException e) {
                problem(row, header, e.reason());
            } catch (Money.AmountOutOfRangeException e) {
                problem(row, header, "'" + value + "' is too large");
            }
            return null;
        }

        /** The level a row gives, null when it gives none (a problem when {@code required}). */
        private SubjectLevel level(CSVRecord record, int row, Level level, boolean required) {
            String code = cell(record, level, Part.CODE);
            String name = cell(record, level, Part.NAME);
            String bare = cell(record, level, Part.BARE);
            if (bare != null) {
                String[] split = split(bare);
                code = code != null ? code : split[0];
                name = name != null ? name : split[1];
            }
            if (code == null && name == null) {
                if (required) {
                    problem(row, column(level), "is empty; every row needs its " + level.japanese());
                }
                return null;
            }
            if (name == null) {
                problem(row, column(level), level.japanese() + " " + code + " has no name");
                return null;
            }
            try {
                return SubjectLevel.of(code, name);
            } catch (InvalidValueException e) {
                problem(row, column(level), e.reason());
                return null;
            }
        }

        private SubjectLevel departmentLevel(CSVRecord record) {
            String name = cell(record, Level.DEPARTMENT, Part.NAME);
            String bare = cell(record, Level.DEPARTMENT, Part.BARE);
            String code = null;
            if (bare != null) {
                String[] split = split(bare);
                code = split[0];
                name = name != null ? name : split[1] != null ? split[1] : split[0];
            }
            return name == null ? null : SubjectLevel.of(code, name);
        }

        /** Whether the line is new in the file and its codes agree with the names earlier rows gave them. */
        private boolean checkUnique(int row, Classification classification, Department department, Map<Level, SubjectLevel> path) {
            boolean fine = true;
            String place = classification.account().key() + "|" + classification.side().code();
            for (Map.Entry<Level, SubjectLevel> entry : path.entrySet()) {
                SubjectLevel level = entry.getValue();
                if (level.code() != null) {
                    String key = place + "|" + entry.getKey() + ":" + level.key();
                    Named earlier = namesSeen.putIfAbsent(key, new Named(level.name(), row));
                    if (earlier != null && !Text.key(earlier.name()).equals(Text.key(level.name()))) {
                        problem(row, column(entry.getKey()), entry.getKey().japanese() + " " + level.code() + " is named '"
                                + level.name() + "' here but '" + earlier.name() + "' on row " + earlier.row());
                        fine = false;
                    }
                }
                place = place + "/" + level.key();
            }
            String line = department.key() + "|" + classification.pathKey();
            Integer earlier = linesSeen.putIfAbsent(line, row);
            if (earlier != null) {
                problem(row, column(Level.MOKU), "the same line (会計, side, 科目 and 所属) is on row " + earlier);
                fine = false;
            }
            return fine;
        }

        /** The header of the column that gives {@code level} best, or the level's name when the file has none. */
        private String column(Level level) {
            Map<Part, Integer> parts = levelColumns.get(level);
            if (parts == null) {
                return level.japanese();
            }
            for (Part part : List.of(Part.NAME, Part.BARE, Part.CODE)) {
                if (parts.containsKey(part)) {
                    return headers.get(parts.get(part));
                }
            }
            return level.japanese();
        }

        private String cell(CSVRecord record, Level level, Part part) {
            Map<Part, Integer> parts = levelColumns.get(level);
            Integer column = parts == null ? null : parts.get(part);
            return column == null ? null : cell(record, column);
        }

        private static String cell(CSVRecord record, int column) {
            return column < record.size() ? Text.cleanOrNull(record.get(column)) : null;
        }

        private void problem(int row, String field, String reason) {
            problems.add(new DocumentProblem(row, field, reason));
        }

        /** The line a record starts on; the position the CSV parser gives may lie before the empty lines it skipped. */
        private int lineOf(long characterPosition) {
            int position = (int) characterPosition;
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                position++;
            }
            int index = Arrays.binarySearch(lineStarts, position);
            return (index >= 0 ? index : -index - 2) + 1;
        }

        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** A bare level cell as {code, name}; either may be null. */
    static String[] split(String cell) {
        if (CODE_ONLY.matcher(cell).matches()) {
            return new String[]{cell, null};
        }
        for (Pattern pattern : List.of(CODE_AND_NAME, NUMBERED_LEVEL)) {
            Matcher both = pattern.matcher(cell);
            if (both.matches()) {
                return new String[]{both.group(1), both.group(2)};
            }
        }
        return new String[]{null, cell};
    }
}
