package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 予算現額 of a fiscal year at a moment ({@link CurrentBudgetQueries}): rows (a 科目 of one level, or a
 * line) grouped by 会計 and side, each with 当初予算額, one 補正予算額 per supplementary budget (in the order of
 * {@code supplementaryBudgets}), 予備費充用額, 流用増減, 前年度繰越額 ({@code carriedYen}: lines carried from the year before) and
 * 予算現額 (their sum), in exact yen; a subtotal
 * per group and the total. Groups: the 会計 as {@link SubjectTree} orders them, 歳入 before 歳出, then the
 * lines without a classification as one group {@value SubjectTree#UNCLASSIFIED} (one row of that name, or
 * its lines at level {@code line}). Rows in the tree's order of their 科目 (lines then in the order
 * recorded); a 科目's name is that of its line recorded first.
 */
public record CurrentBudget(int fiscalYear, Moment moment, String level, List<SupplementaryColumn> supplementaryBudgets, List<SideGroup> groups,
                            Amounts total) {

    /** The levels a row can be. */
    public enum Level {
        KAN, KOU, MOKU, LINE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads {@code kan}, {@code kou}, {@code moku} or {@code line}; {@code moku} for null or blank. */
        public static Level parse(String field, String text) {
            if (text == null || text.isBlank()) {
                return MOKU;
            }
            return Arrays.stream(values()).filter(l -> l.code().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidValueException(field, "must be one of kan, kou, moku, line, got '" + text.strip() + "'"));
        }

        /** How many 科目 levels (from 款) a row's key has; a line's is its 目 and the line itself. */
        int depth() {
            return this == LINE ? 3 : ordinal() + 1;
        }
    }

    /** A supplementary budget's column: its id, name and the heading the documents print. */
    public record SupplementaryColumn(String budgetId, String name, String header) {
    }

    /** The columns of a row; {@code supplementaryYen} in the order of the report's columns. */
    public record Amounts(long initialYen, List<Long> supplementaryYen, long reserveFundYen, long transferYen, long currentYen,
                          long carriedYen) {

        static Amounts zero(int budgets) {
            return new Amounts(0, java.util.Collections.nCopies(budgets, 0L), 0, 0, 0, 0);
        }

        Amounts plus(Amounts other) {
            List<Long> supplementary = new ArrayList<>(supplementaryYen.size());
            for (int i = 0; i < supplementaryYen.size(); i++) {
                supplementary.add(Math.addExact(supplementaryYen.get(i), other.supplementaryYen.get(i)));
            }
            return new Amounts(Math.addExact(initialYen, other.initialYen), List.copyOf(supplementary),
                    Math.addExact(reserveFundYen, other.reserveFundYen), Math.addExact(transferYen, other.transferYen),
                    Math.addExact(currentYen, other.currentYen), Math.addExact(carriedYen, other.carriedYen));
        }
    }

    /**
     * A 会計 and side with its rows and subtotal; {@code accountCode}, {@code side} and {@code sideName} null for
     * the lines without a classification.
     */
    public record SideGroup(String accountCode, String accountName, String side, String sideName, List<ReportRow> rows, Amounts subtotal) {
    }

    /**
     * A row: its code and name ({@code code} null when printed without one, and for a line), the names of its
     * 科目 path from the 款 down (a line's ends at its 目), the line's id (null for a 科目) and its figures.
     */
    public record ReportRow(String code, String name, List<String> path, String lineId, Amounts figures) {
    }

    /** A line's amounts in force at the moment, by column; {@code classification} null for a line without one. */
    public record LineFigures(String id, String name, Classification classification, long initialYen, Map<String, Long> supplementaryYen,
                              long reserveFundYen, long transferYen, long carriedYen) {

        /** The sum of the columns. */
        public long currentYen() {
            long sum = Math.addExact(Math.addExact(Math.addExact(initialYen, reserveFundYen), transferYen), carriedYen);
            for (long yen : supplementaryYen.values()) {
                sum = Math.addExact(sum, yen);
            }
            return sum;
        }

        Amounts figures(List<SupplementaryColumn> columns) {
            return new Amounts(initialYen, columns.stream().map(c -> supplementaryYen.getOrDefault(c.budgetId(), 0L)).toList(),
                    reserveFundYen, transferYen, currentYen(), carriedYen);
        }

        static final class Builder {
            private final String id;
            private final String name;
            private final Classification classification;
            private long initial;
            private long reserve;
            private long transfer;
            private long carried;
            private final Map<String, Long> supplementary = new LinkedHashMap<>();

            Builder(String id, String name, Classification classification) {
                this.id = id;
                this.name = name;
                this.classification = classification;
            }

            /** Adds {@code yen} to column {@code column}: I 当初, S a supplementary budget ({@code budget}), R 予備費充用, T 流用, C 前年度繰越. */
            void add(char column, String budget, long yen) {
                switch (column) {
                    case 'C' -> carried = Math.addExact(carried, yen);
                    case 'S' -> supplementary.merge(budget, yen, Math::addExact);
                    case 'R' -> reserve = Math.addExact(reserve, yen);
                    case 'T' -> transfer = Math.addExact(transfer, yen);
                    default -> initial = Math.addExact(initial, yen);
                }
            }

            LineFigures build() {
                return new LineFigures(id, name, classification, initial, Map.copyOf(supplementary), reserve, transfer, carried);
            }
        }
    }

    /** The report of {@code lines} (in the order they were recorded) at {@code level}, with {@code columns}. */
    static CurrentBudget of(int fiscalYear, Moment moment, Level level, List<SupplementaryColumn> columns, List<LineFigures> lines) {
        Map<String, GroupBuilder> groups = new LinkedHashMap<>();
        GroupBuilder unclassified = new GroupBuilder(null, null, columns.size());
        for (LineFigures line : lines) {
            Amounts figures = line.figures(columns);
            Classification c = line.classification();
            if (c == null) {
                unclassified.add(level == Level.LINE ? line.id() : "", null, level == Level.LINE ? line.name() : SubjectTree.UNCLASSIFIED,
                        List.of(), level == Level.LINE ? line.id() : null, List.of(), figures);
                continue;
            }
            String groupKey = c.account().key() + "|" + c.side().code();
            GroupBuilder group = groups.computeIfAbsent(groupKey, k -> new GroupBuilder(c.account(), c.side(), columns.size()));
            List<SubjectLevel> path = levels(c.subject()).subList(0, level.depth());
            StringBuilder key = new StringBuilder();
            path.forEach(l -> key.append(l.key()).append('|'));
            SubjectLevel own = path.get(path.size() - 1);
            if (level == Level.LINE) {
                key.append(line.id());
                group.add(key.toString(), null, line.name(), path.stream().map(SubjectLevel::name).toList(), line.id(), path, figures);
            } else {
                group.add(key.toString(), own.code(), own.name(), path.stream().map(SubjectLevel::name).toList(), null, path, figures);
            }
        }
        List<GroupBuilder> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((GroupBuilder g) -> node(g.account), SubjectTree.ORDER)
                .thenComparing(g -> g.side == Side.REVENUE ? 0 : 1));
        if (!unclassified.rows.isEmpty()) {
            ordered.add(unclassified);
        }
        List<SideGroup> built = ordered.stream().map(GroupBuilder::group).toList();
        Amounts total = built.stream().map(SideGroup::subtotal).reduce(Amounts.zero(columns.size()), Amounts::plus);
        return new CurrentBudget(fiscalYear, moment, level.code(), List.copyOf(columns), built, total);
    }

    private static List<SubjectLevel> levels(Subject subject) {
        return List.of(subject.kan(), subject.kou(), subject.moku());
    }

    private static SubjectTree.Node node(SubjectLevel level) {
        return new SubjectTree.Node("", level.code(), level.name(), 0, 0, List.of());
    }

    /** The rows of one group, keyed, in the order their first line was recorded until sorted. */
    private static final class GroupBuilder {
        final SubjectLevel account;
        final Side side;
        final int budgets;
        final Map<String, RowBuilder> rows = new LinkedHashMap<>();

        GroupBuilder(SubjectLevel account, Side side, int budgets) {
            this.account = account;
            this.side = side;
            this.budgets = budgets;
        }

        void add(String key, String code, String name, List<String> path, String lineId, List<SubjectLevel> levels, Amounts figures) {
            rows.computeIfAbsent(key, k -> new RowBuilder(code, name, path, lineId, levels, rows.size(), budgets)).add(figures);
        }

        SideGroup group() {
            List<RowBuilder> sorted = new ArrayList<>(rows.values());
            sorted.sort(RowBuilder.ORDER);
            List<ReportRow> built = sorted.stream().map(r -> new ReportRow(r.code, r.name, r.path, r.lineId, r.figures)).toList();
            Amounts subtotal = built.stream().map(ReportRow::figures).reduce(Amounts.zero(budgets), Amounts::plus);
            return account == null
                    ? new SideGroup(null, SubjectTree.UNCLASSIFIED, null, null, built, subtotal)
                    : new SideGroup(account.code(), account.name(), side.code(), side.japanese(), built, subtotal);
        }
    }

    private static final class RowBuilder {
        /** By 科目 level by level as the tree orders siblings, then in the order recorded. */
        static final Comparator<RowBuilder> ORDER = (a, b) -> {
            for (int i = 0; i < Math.min(a.levels.size(), b.levels.size()); i++) {
                if (!a.levels.get(i).key().equals(b.levels.get(i).key())) {
                    int byLevel = SubjectTree.ORDER.compare(node(a.levels.get(i)), node(b.levels.get(i)));
                    if (byLevel != 0) {
                        return byLevel;
                    }
                }
            }
            return Integer.compare(a.order, b.order);
        };

        final String code;
        final String name;
        final List<String> path;
        final String lineId;
        final List<SubjectLevel> levels;
        final int order;
        Amounts figures;

        RowBuilder(String code, String name, List<String> path, String lineId, List<SubjectLevel> levels, int order, int budgets) {
            this.code = code;
            this.name = name;
            this.path = path;
            this.lineId = lineId;
            this.levels = levels;
            this.order = order;
            this.figures = Amounts.zero(budgets);
        }

        void add(Amounts more) {
            figures = figures.plus(more);
        }
    }
}
