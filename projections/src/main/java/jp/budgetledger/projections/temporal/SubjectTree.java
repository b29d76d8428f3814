package jp.budgetledger.projections.temporal;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The totals of a fiscal year at every node of the budget's structure: 会計 › side › 款 › 項 › 目 ›
 * 事業 › 節 › 細節, built from the totals per path ({@link TemporalQueries#paths}). A node's total is
 * the sum of the lines under it, exact in yen. The lines without a classification form one 会計 node
 * {@value #UNCLASSIFIED} with no code and no children, so that the tree's total is the year's total.
 * Siblings are ordered by code (numeric codes in numeric order, before other codes; nodes without a
 * code last), then by name; the unclassified node comes last. A node is identified by its level's key;
 * should lines of one key carry two names at a moment, the node has the name of the line recorded first.
 */
public final class SubjectTree {

    public static final String UNCLASSIFIED = "未分類";

    /** The levels of the tree from the top, with their names in the API. */
    public enum Depth {
        ACCOUNT, SIDE, KAN, KOU, MOKU, JIGYOU, SETSU, SAISETSU;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads a level's name ({@code account} … {@code saisetsu}); {@code fallback} for null or blank. */
        public static Depth parse(String field, String text, Depth fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            return Arrays.stream(values()).filter(d -> d.code().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidValueException(field, "must be one of account, side, kan, kou, moku, jigyou, setsu, "
                            + "saisetsu, got '" + text.strip() + "'"));
        }

        static Depth of(Subject.Level level) {
            return valueOf(level.name());
        }
    }

    /** A node: its level, code (null when printed without one) and name, total and line count, and the nodes below it. */
    public record Node(String level, String code, String name, long totalYen, int lineCount, List<Node> children) {
    }

    /** A node of one level with the names of the nodes above it and its own, from the 会計 down. */
    public record Item(String code, String name, List<String> path, long totalYen, int lineCount) {
    }

    /** A 会計's revenue, its expenditure and revenue less expenditure. */
    public record Balance(String accountCode, String accountName, long revenueYen, long expenditureYen, long differenceYen) {
    }

    private SubjectTree() {
    }

    /** The tree down to {@code depth}, its top nodes the 会計. */
    public static List<Node> tree(List<TemporalQueries.PathTotal> paths, Depth depth) {
        Builder root = new Builder(null, null, null, null);
        Builder unclassified = null;
        for (TemporalQueries.PathTotal path : paths) {
            Classification c = path.classification();
            if (c == null) {
                if (unclassified == null) {
                    unclassified = new Builder(Depth.ACCOUNT, null, UNCLASSIFIED, "");
                }
                unclassified.add(path);
                continue;
            }
            root.add(path);
            Builder node = root.child(Depth.ACCOUNT, c.account().code(), c.account().name(), c.account().key()).add(path);
            if (depth.ordinal() >= Depth.SIDE.ordinal()) {
                node = node.child(Depth.SIDE, c.side().code(), c.side().japanese(), c.side().code()).add(path);
                for (Subject.Placed placed : c.subject().levels()) {
                    Depth level = Depth.of(placed.at());
                    if (level.ordinal() > depth.ordinal()) {
                        break;
                    }
                    SubjectLevel l = placed.level();
                    node = node.child(level, l.code(), l.name(), l.key()).add(path);
                }
            }
        }
        List<Node> accounts = new ArrayList<>(root.children());
        if (unclassified != null) {
            accounts.add(unclassified.node());
        }
        return accounts;
    }

    /** The nodes of {@code level}, in the tree's order, without the unclassified lines. */
    public static List<Item> items(List<TemporalQueries.PathTotal> paths, Depth level) {
        List<Item> items = new ArrayList<>();
        tree(paths, level).forEach(account -> collect(account, level, List.of(), items));
        return items;
    }

    /** Per 会計 (in the tree's order) its 歳入 and 歳出 totals; the unclassified lines are not in any. */
    public static List<Balance> balances(List<TemporalQueries.PathTotal> paths) {
        List<Balance> balances = new ArrayList<>();
        for (Node account : tree(paths, Depth.SIDE)) {
            if (account.children().isEmpty()) {
                continue;
            }
            long revenue = sideTotal(account, Side.REVENUE);
            long expenditure = sideTotal(account, Side.EXPENDITURE);
            balances.add(new Balance(account.code(), account.name(), revenue, expenditure, Math.subtractExact(revenue, expenditure)));
        }
        return balances;
    }

    private static long sideTotal(Node account, Side side) {
        return account.children().stream().filter(n -> side.code().equals(n.code())).mapToLong(Node::totalYen).sum();
    }

    private static void collect(Node node, Depth level, List<String> above, List<Item> items) {
        List<String> path = new ArrayList<>(above);
        path.add(node.name());
        if (node.level().equals(level.code())) {
            items.add(new Item(node.code(), node.name(), List.copyOf(path), node.totalYen(), node.lineCount()));
            return;
        }
        node.children().forEach(child -> collect(child, level, path, items));
    }

    /** Siblings by code (numeric codes first, in numeric order; then other codes; then none), then by name. */
    public static final Comparator<Node> ORDER = Comparator
            .comparingInt((Node n) -> n.code() == null ? 2 : isNumeric(n.code()) ? 0 : 1)
            .thenComparing(n -> n.code() != null && isNumeric(n.code()) ? new BigInteger(n.code()) : BigInteger.ZERO)
            .thenComparing(n -> n.code() == null ? "" : n.code())
            .thenComparing(Node::name);

    private static boolean isNumeric(String code) {
        return !code.isEmpty() && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static final class Builder {
        final Depth level;
        final String code;
        String name;
        final String key;
        long total;
        int count;
        final Map<String, Builder> children = new LinkedHashMap<>();

        Builder(Depth level, String code, String name, String key) {
            this.level = level;
            this.code = code;
            this.name = name;
            this.key = key;
        }

        Builder add(TemporalQueries.PathTotal path) {
            total = Math.addExact(total, path.totalYen());
            count += path.lineCount();
            return this;
        }

        Builder child(Depth childLevel, String childCode, String childName, String childKey) {
            return children.computeIfAbsent(childKey, k -> new Builder(childLevel, childCode, childName, childKey));
        }

        List<Node> children() {
            return children.values().stream().map(Builder::node).sorted(ORDER).toList();
        }

        Node node() {
            return new Node(level.code(), code, name, total, count, children());
        }
    }
}
