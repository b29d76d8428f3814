package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.CarryoverKind;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.carryovers.CarryoverQueries;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The documents of carry-overs of a fiscal year N into N+1, per 会計 (all, or the one {@code account} names by code or name):
 * 第2表 繰越明許費 (each line's limit with the budget that set it, 当初 or 補正第M号) and the 繰越計算書, 繰越明許費繰越計算書 and
 * 事故繰越し繰越計算書 apart (款, 項, 事業名, 繰越明許費の額 for the former, 翌年度繰越額, 財源内訳 and 説明), each with a total per 会計;
 * as figures in exact yen (JSON) and as a document's rows in 千円 (CSV, XLSX). Lines without a 会計 are grouped as 未分類.
 */
@Service
public class CarryoverReports {

    public static final String LIMITS_TITLE = "第2表 繰越明許費";
    public static final String UNCLASSIFIED = "未分類";
    private static final List<String> FUNDING_HEADERS = List.of("既収入特定財源", "国県支出金", "地方債", "その他", "一般財源");

    private final CarryoverQueries queries;
    private final SupplementaryBudgetQueries budgets;

    public CarryoverReports(CarryoverQueries queries, SupplementaryBudgetQueries budgets) {
        this.queries = queries;
        this.budgets = budgets;
    }

    /** The title of a 繰越計算書 of {@code kind}. */
    public static String title(CarryoverKind kind) {
        return kind == CarryoverKind.EXPLICIT ? "繰越明許費繰越計算書" : "事故繰越し繰越計算書";
    }

    /** A line's 繰越明許費 (第2表): where it sits, the limit, the budget that set it ({@code basis}: 当初 or 補正第M号) and what was carried under it. */
    public record LimitRow(String initiativeId, String kan, String kou, String name, String department, long limitYen,
                           String supplementaryBudgetId, String basis, long carriedYen) {
    }

    /** The limits of one 会計 ({@code accountCode} null for a 会計 printed without a code, and for the lines without one) and their total. */
    public record LimitAccount(String accountCode, String accountName, List<LimitRow> rows, long totalYen) {
    }

    /** 第2表 繰越明許費 of a fiscal year as recorded by {@code asOf}. */
    public record Limits(int fiscalYear, String title, Instant asOf, List<LimitAccount> accounts, long totalYen) {
    }

    /** A carry-over's row of a 繰越計算書; {@code limitYen} (繰越明許費の額) null for a 事故繰越し. */
    public record CarryoverRow(String carryoverId, String initiativeId, String carriedLineId, String kan, String kou, String name,
                               String department, Long limitYen, long amountYen, Funding funding, String reason, String accidentReason,
                               LocalDate decidedOn, Instant recordedAt) {
    }

    /** 財源内訳: 既収入特定財源, 未収入特定財源 (国県支出金, 地方債, その他) and 一般財源. */
    public record Funding(long receivedYen, long nationalPrefecturalYen, long bondsYen, long otherYen, long generalYen) {

        Funding plus(Funding o) {
            return new Funding(Math.addExact(receivedYen, o.receivedYen), Math.addExact(nationalPrefecturalYen, o.nationalPrefecturalYen),
                    Math.addExact(bondsYen, o.bondsYen), Math.addExact(otherYen, o.otherYen), Math.addExact(generalYen, o.generalYen));
        }
    }

    /** One 会計's carry-overs of one kind, and their totals ({@code limitYen} null for a 事故繰越し). */
    public record CarryoverAccount(String accountCode, String accountName, List<CarryoverRow> rows, Long limitYen, long amountYen,
                                   Funding funding) {
    }

    /** One 繰越計算書: its kind (explicit or accident), title and 会計. */
    public record Statement(String kind, String title, List<CarryoverAccount> accounts) {
    }

    /** The 繰越計算書 of a fiscal year as recorded by {@code asOf}: of one kind, or both (繰越明許費 first). */
    public record Statements(int fiscalYear, Instant asOf, List<Statement> statements) {
    }

    public Limits limits(FiscalYear fiscalYear, String account, Instant asOf) {
        Map<String, String> bases = new LinkedHashMap<>();
        Map<String, List<LimitRow>> byAccount = new LinkedHashMap<>();
        Map<String, CarryoverQueries.Line> accounts = new LinkedHashMap<>();
        for (CarryoverQueries.Limit limit : queries.limits(fiscalYear, asOf)) {
            CarryoverQueries.Line line = limit.line();
            if (!admits(account, line)) {
                continue;
            }
            String basis = limit.supplementaryBudgetId() == null ? "当初"
                    : bases.computeIfAbsent(limit.supplementaryBudgetId(), this::basis);
            accounts.putIfAbsent(accountKey(line), line);
            byAccount.computeIfAbsent(accountKey(line), k -> new ArrayList<>()).add(new LimitRow(limit.initiativeId(), kan(line), kou(line),
                    line.name(), line.department(), limit.limitYen(), limit.supplementaryBudgetId(), basis, limit.carriedYen()));
        }
        List<LimitAccount> sections = byAccount.entrySet().stream().map(e -> {
            CarryoverQueries.Line line = accounts.get(e.getKey());
            return new LimitAccount(line.accountCode(), accountName(line), List.copyOf(e.getValue()),
                    e.getValue().stream().mapToLong(LimitRow::limitYen).reduce(0, Math::addExact));
        }).toList();
        return new Limits(fiscalYear.value(), LIMITS_TITLE, asOf, sections,
                sections.stream().mapToLong(LimitAccount::totalYen).reduce(0, Math::addExact));
    }

    public Statements carryovers(FiscalYear fiscalYear, String account, CarryoverKind kind, Instant asOf) {
        List<Statement> statements = new ArrayList<>();
        for (CarryoverKind each : kind == null ? List.of(CarryoverKind.values()) : List.of(kind)) {
            Map<String, List<CarryoverRow>> byAccount = new LinkedHashMap<>();
            Map<String, CarryoverQueries.Line> accounts = new LinkedHashMap<>();
            for (CarryoverQueries.Carryover c : queries.carryovers(fiscalYear, asOf, each.code())) {
                CarryoverQueries.Line line = c.line();
                if (!admits(account, line)) {
                    continue;
                }
                accounts.putIfAbsent(accountKey(line), line);
                byAccount.computeIfAbsent(accountKey(line), k -> new ArrayList<>()).add(new CarryoverRow(c.carryoverId(), c.initiativeId(),
                        c.carriedLineId(), kan(line), kou(line), line.name(), line.department(),
                        each == CarryoverKind.EXPLICIT ? c.limitYen() : null, c.amountYen(),
                        new Funding(c.receivedYen(), c.nationalPrefecturalYen(), c.bondsYen(), c.otherYen(), c.generalYen()),
                        c.reason(), c.accidentReason(), c.decidedOn(), c.recordedAt()));
            }
            List<CarryoverAccount> sections = byAccount.entrySet().stream().map(e -> {
                CarryoverQueries.Line line = accounts.get(e.getKey());
                List<CarryoverRow> rows = List.copyOf(e.getValue());
                Long limit = each == CarryoverKind.EXPLICIT
                        ? rows.stream().mapToLong(r -> r.limitYen() == null ? 0 : r.limitYen()).reduce(0, Math::addExact) : null;
                return new CarryoverAccount(line.accountCode(), accountName(line), rows, limit,
                        rows.stream().mapToLong(CarryoverRow::amountYen).reduce(0, Math::addExact),
                        rows.stream().map(CarryoverRow::funding).reduce(new Funding(0, 0, 0, 0, 0), Funding::plus));
            }).toList();
            statements.add(new Statement(each.code(), title(each), sections));
        }
        return new Statements(fiscalYear.value(), asOf, statements);
    }

    /** 第2表 as a document's rows, in 千円. */
    public List<Row> limitsDocument(FiscalYear fiscalYear, Limits limits) {
        DocumentLayout layout = new DocumentLayout(fiscalYear.japaneseName() + " " + LIMITS_TITLE, List.of("款", "項", "事業名", "金額", "議決"));
        for (LimitAccount account : limits.accounts()) {
            layout.section(account.accountName());
            layout.header();
            for (LimitRow row : account.rows()) {
                layout.row(Kind.LINE, null, new Text(row.kan()), new Text(row.kou()), new Text(row.name()), layout.amount(row.limitYen()),
                        new Text(row.basis()));
            }
            layout.row(Kind.SUBTOTAL, null, new Text("合計"), new Text(""), new Text(""), layout.amount(account.totalYen()), new Text(""));
            layout.blank();
        }
        return layout.report(fiscalYear).rows();
    }

    /** The 繰越計算書 as a document's rows, in 千円: each statement after the other. */
    public List<Row> carryoversDocument(FiscalYear fiscalYear, Statements statements) {
        List<Row> rows = new ArrayList<>();
        for (Statement statement : statements.statements()) {
            boolean explicit = CarryoverKind.EXPLICIT.code().equals(statement.kind());
            List<String> headers = new ArrayList<>(List.of("款", "項", "事業名"));
            if (explicit) {
                headers.add("繰越明許費の額");
            }
            headers.add("翌年度繰越額");
            headers.addAll(FUNDING_HEADERS);
            headers.add("説明");
            DocumentLayout layout = new DocumentLayout(fiscalYear.japaneseName() + " " + statement.title(), headers);
            for (CarryoverAccount account : statement.accounts()) {
                layout.section(account.accountName());
                layout.header();
                for (CarryoverRow row : account.rows()) {
                    List<Cell> cells = new ArrayList<>(List.of(new Text(row.kan()), new Text(row.kou()), new Text(row.name())));
                    amounts(layout, cells, explicit ? row.limitYen() : null, row.amountYen(), row.funding());
                    cells.add(new Text(row.accidentReason() == null ? row.reason() : row.accidentReason()));
                    layout.row(Kind.LINE, null, cells.toArray(Cell[]::new));
                }
                List<Cell> total = new ArrayList<>(List.of(new Text("合計"), new Text(""), new Text("")));
                amounts(layout, total, account.limitYen(), account.amountYen(), account.funding());
                total.add(new Text(""));
                layout.row(Kind.SUBTOTAL, null, total.toArray(Cell[]::new));
                layout.blank();
            }
            if (statement.accounts().isEmpty()) {
                layout.header();
            }
            rows.addAll(layout.report(fiscalYear).rows());
            rows.add(new Row(Kind.BLANK, List.of()));
        }
        return rows;
    }

    private static void amounts(DocumentLayout layout, List<Cell> cells, Long limitYen, long amountYen, Funding funding) {
        if (limitYen != null) {
            cells.add(layout.amount(limitYen));
        }
        cells.add(layout.amount(amountYen));
        for (Function<Funding, Long> part : List.<Function<Funding, Long>>of(Funding::receivedYen, Funding::nationalPrefecturalYen,
                Funding::bondsYen, Funding::otherYen, Funding::generalYen)) {
            cells.add(layout.amount(part.apply(funding)));
        }
    }

    private String basis(String budgetId) {
        return budgets.find(budgetId).map(b -> b.number() != null ? "補正第" + b.number() + "号" : b.name()).orElse(budgetId);
    }

    /** True when {@code account} (a 会計's code or name; null for all) admits the line's 会計. */
    private static boolean admits(String account, CarryoverQueries.Line line) {
        if (account == null || account.isBlank()) {
            return true;
        }
        String wanted = jp.budgetledger.core.api.Text.key(account);
        return line.accountCode() != null && jp.budgetledger.core.api.Text.key(line.accountCode()).replaceFirst("^0+(?=.)", "")
                .equals(wanted.replaceFirst("^0+(?=.)", ""))
                || line.accountName() != null && jp.budgetledger.core.api.Text.key(line.accountName()).equals(wanted);
    }

    private static String accountKey(CarryoverQueries.Line line) {
        return line.accountName() == null ? "" : (line.accountCode() == null ? "" : line.accountCode()) + "|" + line.accountName();
    }

    private static String accountName(CarryoverQueries.Line line) {
        return line.accountName() == null ? UNCLASSIFIED : line.accountName();
    }

    private static String kan(CarryoverQueries.Line line) {
        return printed(line.kanCode(), line.kanName());
    }

    private static String kou(CarryoverQueries.Line line) {
        return printed(line.kouCode(), line.kouName());
    }

    private static String printed(String code, String name) {
        if (name == null) {
            return "";
        }
        return code == null ? name : code + " " + name;
    }
}
