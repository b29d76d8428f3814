package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.document.AmountUnit;
import jp.budgetledger.core.document.BudgetTableLayout.Amount;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.temporal.LineFilter;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.SubjectTree;
import jp.budgetledger.projections.temporal.SubjectTree.Node;
import jp.budgetledger.projections.temporal.TemporalQueries;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget in the layouts of the budget book, from the bitemporal read model as it stands now:
 * 第1表 歳入歳出予算 (per 会計 and side, 歳入 first, each 款 with its total and its 項) and
 * 歳入歳出予算事項別明細書 (per 会計 and side, each 目 with 本年度, 前年度 and 比較, a total per 款 and
 * per side). 前年度 is the previous fiscal year's 目 of the same 会計, side and code path. Amounts in
 * 千円, each figure rounded half away from zero from its exact yen (totals from the exact sum), with
 * the rounding note when some figure is not exact; the lines without a classification are in neither.
 * Each report is the rows of its layout, and the same figures as records keyed by the Japanese headers
 * with the exact yen. Given a moment ({@link Moment}: an effective day and a recorded instant, or a stage), a
 * report shows the budget at that moment (前年度 as the ledger had recorded it by the same instant) and says
 * so in a line under its title and in {@code moment}; without one it shows the current budget as it stands now.
 */
@Service
public class SubjectReports {

    public static final String TABLE1_TITLE = "第1表 歳入歳出予算";
    public static final String DETAIL_TITLE = "歳入歳出予算事項別明細書";
    private static final AmountUnit UNIT = DocumentLayout.UNIT;
    private static final List<Side> SIDES = List.of(Side.REVENUE, Side.EXPENDITURE);

    private final TemporalQueries temporal;

    public SubjectReports(TemporalQueries temporal) {
        this.temporal = temporal;
    }

    /**
     * A report: its title, the rows of its layout (for CSV and XLSX), its figures as records (for JSON), and the
     * moment it shows (null: the current budget).
     */
    public record Report(String title, int fiscalYear, String unit, List<String> headers, List<Row> rows,
                         List<Map<String, Object>> records, ReportMoment moment) {

        public Report(String title, int fiscalYear, String unit, List<String> headers, List<Row> rows, List<Map<String, Object>> records) {
            this(title, fiscalYear, unit, headers, rows, records, null);
        }

        /** The report as JSON gives it: title, fiscal year, unit, headers, records (without the layout's rows) and moment. */
        public Figures figures() {
            return new Figures(title, fiscalYear, unit, headers, records, moment);
        }
    }

    /**
     * A report's figures: per row of the layout a record with {@code 区分} (kan, kou, moku, total), {@code 会計},
     * {@code 会計コード}, {@code 歳入歳出}, the levels' labels, and each amount in 千円 and, with {@code (円)}, in exact yen;
     * {@code moment} only when the report was asked for a moment.
     */
    public record Figures(String title, int fiscalYear, String unit, List<String> headers, List<Map<String, Object>> records,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ReportMoment moment) {
    }

    /**
     * The moment a report shows.
     *
     * @param effectiveOn the day whose budget it is (changes in force by then)
     * @param asOf        the instant up to which recorded changes count
     * @param stage       the stage asked for ({@code initial}, {@code proposed} or a supplementary budget's id), or null
     * @param stageName   the stage in words (当初予算, the supplementary budget's name), or null
     * @param text        the line under the title saying all of it in Japanese
     */
    public record ReportMoment(LocalDate effectiveOn, Instant asOf, String stage, String stageName, String text) {
    }

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    /** The moment a report at {@code moment} shows, with the stage it was asked by (both may be null). */
    static ReportMoment describe(FiscalYear fiscalYear, Moment moment, String stage, String stageName) {
        if (moment == null) {
            return null;
        }
        LocalDate day = moment.effectiveWithin(fiscalYear);
        String text = "時点: " + (stageName == null ? "" : stageName + "、") + DAY.format(day) + "現在の予算(" + TIME.format(moment.asOf().atZone(JAPAN))
                + " 日本時間までの記録による)";
        return new ReportMoment(day, moment.asOf(), stage, stageName, text);
    }

    /** 第1表 of the current budget. */
    public Report table1(FiscalYear fiscalYear, String account) {
        return table1(fiscalYear, account, null, null, null);
    }

    /** 事項別明細書 of the current budget. */
    public Report detail(FiscalYear fiscalYear, String account) {
        return detail(fiscalYear, account, null, null, null);
    }

    /**
     * 第1表: 款 and 項 of each 会計 (all, or the one {@code account} names) and side, at {@code moment} (null: now) asked
     * for by {@code stage} named {@code stageName} (both null when it was not asked by a stage).
     */
    public Report table1(FiscalYear fiscalYear, String account, Moment moment, String stage, String stageName) {
        List<String> headers = List.of("款", "項", "金額");
        DocumentLayout layout = new DocumentLayout(fiscalYear.japaneseName() + " " + TABLE1_TITLE, headers,
                describe(fiscalYear, moment, stage, stageName));
        for (Node accountNode : tree(fiscalYear, at(fiscalYear, moment), account, SubjectTree.Depth.KOU)) {
            layout.section(accountNode.name());
            for (Node side : sides(accountNode)) {
                layout.section(side.name());
                layout.header();
                for (Node kan : side.children()) {
                    layout.row(Kind.SUBTOTAL, record(accountNode, side, "kan", label(kan), null, kan.totalYen()),
                            new Text(label(kan)), new Text(""), layout.amount(kan.totalYen()));
                    for (Node kou : kan.children()) {
                        layout.row(Kind.LINE, record(accountNode, side, "kou", label(kan), label(kou), kou.totalYen()),
                                new Text(""), new Text(label(kou)), layout.amount(kou.totalYen()));
                    }
                }
                layout.row(Kind.TOTAL, record(accountNode, side, "total", side.name() + "合計", null, side.totalYen()),
                        new Text(side.name() + "合計"), new Text(""), layout.amount(side.totalYen()));
                layout.blank();
            }
        }
        return layout.report(fiscalYear);
    }

    /**
     * 事項別明細書: each 目 of each 会計 (all, or the one {@code account} names) and side, with the previous fiscal year's
     * (as recorded by the same instant), at {@code moment} as for {@link #table1(FiscalYear, String, Moment, String, String)}.
     */
    public Report detail(FiscalYear fiscalYear, String account, Moment moment, String stage, String stageName) {
        List<String> headers = List.of("款", "項", "目", "本年度予算額", "前年度予算額", "比較");
        DocumentLayout layout = new DocumentLayout(fiscalYear.japaneseName() + " " + DETAIL_TITLE, headers,
                describe(fiscalYear, moment, stage, stageName));
        Moment at = at(fiscalYear, moment);
        Map<String, Node> previous = new LinkedHashMap<>();
        if (fiscalYear.value() > FiscalYear.MIN) {
            FiscalYear before = FiscalYear.of(fiscalYear.value() - 1);
            for (Node accountNode : tree(before, Moment.endOf(before, at.asOf()), account, SubjectTree.Depth.MOKU)) {
                index(accountNode, "", previous);
            }
        }
        List<Node> accounts = merged(tree(fiscalYear, at, account, SubjectTree.Depth.MOKU), previous);
        for (Node accountNode : accounts) {
            layout.section(accountNode.name());
            for (Node side : sides(accountNode)) {
                layout.section(side.name());
                layout.header();
                long sideThis = 0;
                long sidePrevious = 0;
                for (Node kan : side.children()) {
                    long kanThis = 0;
                    long kanPrevious = 0;
                    boolean firstOfKan = true;
                    for (Node kou : kan.children()) {
                        boolean firstOfKou = true;
                        for (Node moku : kou.children()) {
                            long now = moku.totalYen();
                            Node last = previous.get(key(accountNode, side, kan, kou, moku));
                            long then = last == null ? 0 : last.totalYen();
                            kanThis = Math.addExact(kanThis, now);
                            kanPrevious = Math.addExact(kanPrevious, then);
                            Map<String, Object> record = detailRecord(accountNode, side, "moku", label(kan), label(kou), label(moku), now, then);
                            layout.row(Kind.LINE, record, new Text(firstOfKan ? label(kan) : ""), new Text(firstOfKou ? label(kou) : ""),
                                    new Text(label(moku)), layout.amount(now), layout.amount(then), layout.amount(Math.subtractExact(now, then)));
                            firstOfKan = false;
                            firstOfKou = false;
                        }
                    }
                    String total = kan.name() + "計";
                    layout.row(Kind.SUBTOTAL, detailRecord(accountNode, side, "kan", label(kan), null, null, kanThis, kanPrevious),
                            new Text(total), new Text(""), new Text(""), layout.amount(kanThis), layout.amount(kanPrevious),
                            layout.amount(Math.subtractExact(kanThis, kanPrevious)));
                    sideThis = Math.addExact(sideThis, kanThis);
                    sidePrevious = Math.addExact(sidePrevious, kanPrevious);
                }
                String total = side.name() + "合計";
                layout.row(Kind.TOTAL, detailRecord(accountNode, side, "total", total, null, null, sideThis, sidePrevious),
                        new Text(total), new Text(""), new Text(""), layout.amount(sideThis), layout.amount(sidePrevious),
                        layout.amount(Math.subtractExact(sideThis, sidePrevious)));
                layout.blank();
            }
        }
        return layout.report(fiscalYear);
    }

    /**
     * 第1表 歳入歳出予算補正 of one supplementary budget: per 会計 and side (歳入 first) that {@code items} change, each 款 they
     * change with its 補正前の額 (at {@code before}), 補正額 (the items' sum) and 計, and under it each 項 they change; then the
     * side's 合計 (the whole side before, the change, after). {@code notes} follow the title. Items of lines without a
     * 会計 and 科目 are in no row: their sum is said in a note.
     */
    Report supplementaryTable1(FiscalYear fiscalYear, String title, List<String> notes, Moment before, List<TemporalQueries.PathTotal> items) {
        List<String> headers = List.of("款", "項", "補正前の額", "補正額", "計");
        DocumentLayout layout = new DocumentLayout(title, headers);
        notes.forEach(note -> layout.row(Kind.NOTE, null, new Text(note)));
        if (!notes.isEmpty()) {
            layout.blank();
        }
        List<TemporalQueries.PathTotal> beforePaths = temporal.paths(fiscalYear, before, LineFilter.ALL);
        List<TemporalQueries.PathTotal> afterPaths = new ArrayList<>(beforePaths);
        afterPaths.addAll(items);
        Map<String, Node> then = new LinkedHashMap<>();
        SubjectTree.tree(beforePaths, SubjectTree.Depth.KOU).forEach(account -> index(account, "", then));
        for (Node accountNode : SubjectTree.tree(afterPaths, SubjectTree.Depth.KOU).stream().filter(n -> !n.children().isEmpty()).toList()) {
            boolean accountShown = false;
            for (Node side : sides(accountNode)) {
                String sideKey = key(accountNode, side);
                if (change(side, then.get(sideKey)) == 0 && !touched(items, accountNode, side)) {
                    continue;
                }
                if (!accountShown) {
                    layout.section(accountNode.name());
                    accountShown = true;
                }
                layout.section(side.name());
                layout.header();
                for (Node kan : side.children()) {
                    String kanKey = sideKey + "|" + key(kan);
                    List<Node> changed = kan.children().stream().filter(kou -> change(kou, then.get(kanKey + "|" + key(kou))) != 0).toList();
                    if (changed.isEmpty()) {
                        continue;
                    }
                    supplementaryRow(layout, Kind.SUBTOTAL, accountNode, side, "kan", label(kan), null, then.get(kanKey), kan);
                    for (Node kou : changed) {
                        supplementaryRow(layout, Kind.LINE, accountNode, side, "kou", "", label(kou), then.get(kanKey + "|" + key(kou)), kou);
                    }
                }
                supplementaryRow(layout, Kind.TOTAL, accountNode, side, "total", side.name() + "合計", null, then.get(sideKey), side);
                layout.blank();
            }
        }
        long unclassified = items.stream().filter(i -> i.classification() == null).mapToLong(TemporalQueries.PathTotal::totalYen)
                .reduce(0L, Math::addExact);
        if (unclassified != 0) {
            layout.row(Kind.NOTE, null, new Text("会計・科目のない事業の補正額: " + layout.amount(unclassified).formatted() + UNIT.label()));
        }
        return layout.report(fiscalYear);
    }

    private static boolean touched(List<TemporalQueries.PathTotal> items, Node account, Node side) {
        return items.stream().map(TemporalQueries.PathTotal::classification).filter(java.util.Objects::nonNull)
                .anyMatch(c -> java.util.Objects.equals(c.account().code(), account.code()) && c.side() == Side.parse(side.code()));
    }

    private static long change(Node after, Node before) {
        return Math.subtractExact(after.totalYen(), before == null ? 0 : before.totalYen());
    }

    private static void supplementaryRow(DocumentLayout layout, Kind kind, Node account, Node side, String level, String kan, String kou,
                                         Node before, Node after) {
        long then = before == null ? 0 : before.totalYen();
        long now = after.totalYen();
        long change = Math.subtractExact(now, then);
        Map<String, Object> record = base(account, side, level);
        record.put("款", "kou".equals(level) ? null : kan);
        record.put("項", kou);
        record.put("補正前の額", UNIT.fromMoney(Money.ofYen(then)));
        record.put("補正前の額(円)", then);
        record.put("補正額", UNIT.fromMoney(Money.ofYen(change)));
        record.put("補正額(円)", change);
        record.put("計", UNIT.fromMoney(Money.ofYen(now)));
        record.put("計(円)", now);
        layout.row(kind, record, new Text(kan), new Text(kou == null ? "" : kou), layout.amount(then), layout.amount(change), layout.amount(now));
    }

    private static Moment at(FiscalYear fiscalYear, Moment moment) {
        return moment != null ? moment : Moment.endOf(fiscalYear, Instant.now());
    }

    private List<Node> tree(FiscalYear fiscalYear, Moment moment, String account, SubjectTree.Depth depth) {
        LineFilter filter = new LineFilter(account, null);
        return SubjectTree.tree(temporal.paths(fiscalYear, moment, filter), depth).stream()
                .filter(n -> !n.children().isEmpty()).toList();
    }

    /** 歳入 first, then 歳出, as the budget book prints them. */
    private static List<Node> sides(Node account) {
        return account.children().stream()
                .sorted(Comparator.comparingInt(n -> SIDES.indexOf(Side.parse(n.code())))).toList();
    }

    /** This year's tree with the 目 of the previous year that this year has not (at 0 yen, under their 款 and 項). */
    private static List<Node> merged(List<Node> accounts, Map<String, Node> previous) {
        Map<String, Node> current = new LinkedHashMap<>();
        accounts.forEach(a -> index(a, "", current));
        List<Node> result = new ArrayList<>(accounts);
        for (var entry : previous.entrySet()) {
            String[] keys = entry.getKey().split("\\|");
            if (keys.length < 5 || current.containsKey(entry.getKey())) {
                continue;
            }
            result = insert(result, keys, 0, previous, "");
            result.forEach(a -> index(a, "", current));
        }
        return result;
    }

    /** The nodes with the path of {@code keys} added from {@code previous} (amounts of this year 0). */
    private static List<Node> insert(List<Node> siblings, String[] keys, int at, Map<String, Node> previous, String above) {
        String path = above.isEmpty() ? keys[at] : above + "|" + keys[at];
        List<Node> result = new ArrayList<>(siblings);
        Node existing = siblings.stream().filter(n -> key(n).equals(keys[at])).findFirst().orElse(null);
        Node template = previous.get(path);
        Node node = existing != null ? existing : new Node(template.level(), template.code(), template.name(), 0, 0, List.of());
        if (at + 1 < keys.length) {
            node = new Node(node.level(), node.code(), node.name(), node.totalYen(), node.lineCount(),
                    insert(node.children(), keys, at + 1, previous, path));
        }
        if (existing != null) {
            result.set(result.indexOf(existing), node);
        } else {
            result.add(node);
            result.sort(SubjectTree.ORDER);
        }
        return result;
    }

    /** Every node under (and with) {@code node} by its path of keys. */
    private static void index(Node node, String above, Map<String, Node> index) {
        String path = above.isEmpty() ? key(node) : above + "|" + key(node);
        index.put(path, node);
        node.children().forEach(child -> index(child, path, index));
    }

    private static String key(Node... path) {
        return String.join("|", java.util.Arrays.stream(path).map(SubjectReports::key).toList());
    }

    private static String key(Node node) {
        return "side".equals(node.level()) ? node.code() : new SubjectLevel(node.code(), node.name()).key();
    }

    private static String label(Node node) {
        return node.code() == null ? node.name() : node.code() + " " + node.name();
    }

    private static Map<String, Object> record(Node account, Node side, String kind, String kan, String kou, long yen) {
        Map<String, Object> record = base(account, side, kind);
        record.put("款", kan);
        record.put("項", kou);
        record.put("金額", UNIT.fromMoney(Money.ofYen(yen)));
        record.put("金額(円)", yen);
        return record;
    }

    private static Map<String, Object> detailRecord(Node account, Node side, String kind, String kan, String kou, String moku,
                                                    long now, long then) {
        Map<String, Object> record = base(account, side, kind);
        record.put("款", kan);
        record.put("項", kou);
        record.put("目", moku);
        record.put("本年度予算額", UNIT.fromMoney(Money.ofYen(now)));
        record.put("前年度予算額", UNIT.fromMoney(Money.ofYen(then)));
        record.put("比較", UNIT.fromMoney(Money.ofYen(Math.subtractExact(now, then))));
        record.put("本年度予算額(円)", now);
        record.put("前年度予算額(円)", then);
        record.put("比較(円)", Math.subtractExact(now, then));
        return record;
    }

    private static Map<String, Object> base(Node account, Node side, String kind) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("区分", kind);
        record.put("会計", account.name());
        record.put("会計コード", account.code());
        record.put("歳入歳出", side.name());
        return record;
    }
}
