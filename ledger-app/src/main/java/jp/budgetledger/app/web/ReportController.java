package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import jp.budgetledger.app.reports.BetsuExports;
import jp.budgetledger.app.reports.BetsuReportService;
import jp.budgetledger.app.reports.CurrentBudgetReports;
import jp.budgetledger.app.reports.PdfDocuments;
import jp.budgetledger.app.reports.SupplementarySummaryReports;
import jp.budgetledger.projections.budgets.SupplementaryBudgetQueries;
import jp.budgetledger.projections.budgets.SupplementaryBudgetView;
import jp.budgetledger.app.reports.SubjectReports;
import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.app.reports.YearStatus;
import jp.budgetledger.core.document.BudgetTableLayout;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.projections.temporal.CurrentBudget;
import jp.budgetledger.projections.temporal.Moment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/reports/betsu?fiscalYear=2020[&format=text|csv|xlsx]}: the fiscal year's
 * budget table in the 別紙 layout, from the projections, amounts in 千円 (text, CSV, XLSX or PDF); {@code table1} and
 * {@code detail}: 第1表 歳入歳出予算 and 歳入歳出予算事項別明細書 ({@link SubjectReports}). A closed year's reports say 確定
 * ({@link YearStatus}).
 */
@RestController
@Tag(name = "reports")
class ReportController {

    static final String MOMENTS = "For a moment with asOf and/or effectiveOn, or after a stage (initial or a supplementary "
            + "budget's id; proposed: as if every submitted bill passed), as for the totals; the CSV and XLSX say it in a line under the "
            + "title, the JSON in moment. Without one, the current budget with every change recorded so far (and no such line).";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final BetsuReportService reports;
    private final SubjectReports subjects;
    private final CurrentBudgetReports current;
    private final ReadConsistency consistency;
    private final YearStatus years;
    private final Stages stages;
    private final SupplementaryBudgetQueries budgets;
    private final SupplementarySummaryReports summaries;

    ReportController(BetsuReportService reports, SubjectReports subjects, CurrentBudgetReports current, ReadConsistency consistency,
                     YearStatus years, Stages stages, SupplementaryBudgetQueries budgets, SupplementarySummaryReports summaries) {
        this.budgets = budgets;
        this.summaries = summaries;
        this.years = years;
        this.stages = stages;
        this.reports = reports;
        this.subjects = subjects;
        this.current = current;
        this.consistency = consistency;
    }

    @Operation(summary = "The budget table in the 別紙 layout",
            description = "The fiscal year's budget table from the read models, amounts in 千円: text (default), CSV (UTF-8 with BOM, for Excel) "
                    + "or XLSX, chosen by format.")
    @ApiResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/betsu")
    ResponseEntity<byte[]> betsu(@RequestParam Integer fiscalYear,
                                 @Parameter(description = "text (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"text", "txt", "csv", "xlsx", "pdf"}, defaultValue = "text"))
                                 @RequestParam(defaultValue = "text") String format,
                                 @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        BetsuReportService.Report report = reports.report(year);
        YearStatus.Status status = years.of(year, null);
        String base = "betsu-" + year.value();
        String sheet = report.table().attachment() == null ? "予算事業一覧" : report.table().attachment();
        String japanese = sheet + "_" + status.title(year.japaneseName());
        List<BudgetTableLayout.Row> rows = YearStatus.mark(BudgetTableLayout.rows(report.table(), report.amountHeader()), status);
        return switch (format) {
            case "text", "txt" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(YearStatus.mark(BetsuExports.text(report), status).getBytes(StandardCharsets.UTF_8));
            case "csv" -> download(BetsuExports.csv(rows), new MediaType("text", "csv", StandardCharsets.UTF_8),
                    base + ".csv", japanese + ".csv");
            case "xlsx", "pdf" -> document(rows, format, base, japanese, sheet, BetsuExports.BETSU_WIDTHS);
            default -> throw new InvalidValueException("format", "must be text, csv, xlsx or pdf");
        };
    }

    @Operation(summary = "第1表 歳入歳出予算",
            description = "Per 会計 (all, or the one account names by code, or by name when it has no code) and side (歳入 first): each "
                    + "款 with its total and its 項, and the side's total, in 千円, from the current budget; CSV (UTF-8 with BOM, default), "
                    + "XLSX, PDF (A4, for printing) or JSON (the figures as records keyed by the Japanese headers, with exact yen), chosen by format. Lines "
                    + "without a 会計 and 科目 are not in it. " + MOMENTS)
    @ApiResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectReports.Figures.class))})
    @GetMapping("/api/reports/table1")
    ResponseEntity<?> table1(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                             @Parameter(description = "csv (default), xlsx, json or pdf", schema = @Schema(allowableValues = {"csv", "xlsx", "json", "pdf"}, defaultValue = "csv"))
                             @RequestParam(defaultValue = "csv") String format,
                             @RequestParam(required = false) Long minPosition,
                             @Parameter(description = "a day (YYYY-MM-DD): the budget in force on it")
                             @RequestParam(required = false) String effectiveOn,
                             @Parameter(description = "an ISO-8601 instant, or a date (the end of that day in Japan): only what was recorded by then")
                             @RequestParam(required = false) String asOf,
                             @Parameter(description = "initial, proposed or the id of a supplementary budget in force (not with asOf)")
                             @RequestParam(required = false) String stage) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        checkFormat(format);
        Moment moment = MomentParameters.of(year, asOf, effectiveOn, stage, stages).orElse(null);
        String stageName = moment == null || stage == null || stage.isBlank() ? null : stages.name(year, stage.strip());
        consistency.awaitPosition(minPosition);
        YearStatus.Status status = years.of(year, moment == null ? null : moment.asOf());
        return subjectReport(years, subjects.table1(year, account, moment, blankToNull(stage), stageName), status, format, "table1-" + year.value(), "第1表_歳入歳出予算_" + status.title(year.japaneseName()),
                "第1表", 28, 28, 16);
    }

    @Operation(summary = "歳入歳出予算事項別明細書",
            description = "Per 会計 (as for 第1表) and side: each 目 with 本年度 (this fiscal year), 前年度 (the previous fiscal year's 目 of "
                    + "the same 会計, side and code path) and 比較, a total per 款 and per side, in 千円, from the current budget; formats "
                    + "as for 第1表. 前年度 is the previous fiscal year as recorded by the same instant. " + MOMENTS)
    @ApiResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectReports.Figures.class))})
    @GetMapping("/api/reports/detail")
    ResponseEntity<?> detail(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                             @Parameter(description = "csv (default), xlsx, json or pdf", schema = @Schema(allowableValues = {"csv", "xlsx", "json", "pdf"}, defaultValue = "csv"))
                             @RequestParam(defaultValue = "csv") String format,
                             @RequestParam(required = false) Long minPosition,
                             @Parameter(description = "a day (YYYY-MM-DD): the budget in force on it")
                             @RequestParam(required = false) String effectiveOn,
                             @Parameter(description = "an ISO-8601 instant, or a date (the end of that day in Japan): only what was recorded by then")
                             @RequestParam(required = false) String asOf,
                             @Parameter(description = "initial, proposed or the id of a supplementary budget in force (not with asOf)")
                             @RequestParam(required = false) String stage) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        checkFormat(format);
        Moment moment = MomentParameters.of(year, asOf, effectiveOn, stage, stages).orElse(null);
        String stageName = moment == null || stage == null || stage.isBlank() ? null : stages.name(year, stage.strip());
        consistency.awaitPosition(minPosition);
        YearStatus.Status status = years.of(year, moment == null ? null : moment.asOf());
        return subjectReport(years, subjects.detail(year, account, moment, blankToNull(stage), stageName), status, format, "detail-" + year.value(), "事項別明細書_" + status.title(year.japaneseName()),
                "事項別明細書", 24, 24, 24, 14, 14, 14);
    }

    @Operation(summary = "予算現額 (the budget in force)",
            description = "Per 会計 (all, or the one account names) and side (歳入 first), a row per 款, 項, 目 (level kan, kou, moku; "
                    + "default moku) or line (level line) with 当初予算額 (the lines' initial amounts, plain amendments and their "
                    + "corrections), 補正予算額 (one column per supplementary budget, in the order recorded), 予備費充用額, 流用増減, "
                    + "前年度繰越額 (lines carried from the year before; a column of CSV and XLSX only when there are some) and "
                    + "予算現額 (their sum, as the totals give it), a subtotal per side and the total; the lines without a 会計 and 科目 as "
                    + "未分類 (left out when account is given). For a moment with asOf and/or effectiveOn as for the totals; without one, "
                    + "the budget with every change recorded so far. JSON (default) in exact yen; CSV (UTF-8 with BOM), XLSX or PDF (A4) in 千円.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CurrentBudget.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/current-budget")
    ResponseEntity<?> currentBudget(@RequestParam Integer fiscalYear, @RequestParam(required = false) String account,
                                    @Parameter(description = "kan, kou, moku (default) or line", schema = @Schema(allowableValues = {"kan", "kou", "moku", "line"}, defaultValue = "moku"))
                                    @RequestParam(required = false) String level,
                                    @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) String asOf,
                                    @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                                    @RequestParam(defaultValue = "json") String format,
                                    @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        CurrentBudget.Level at = CurrentBudget.Level.parse("level", level);
        checkFormat(format);
        Moment moment = MomentParameters.of(year, asOf, effectiveOn).orElseGet(() -> Moment.endOf(year, Instant.now()));
        consistency.awaitPosition(minPosition);
        CurrentBudget figures = current.figures(year, moment, account, at);
        YearStatus.Status status = years.of(year, moment.asOf());
        if ("json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(years.json(figures, status));
        }
        SubjectReports.Report document = current.document(year, figures);
        int labels = document.headers().size() - 4 - figures.supplementaryBudgets().size()
                - (document.headers().contains(CurrentBudgetReports.CARRIED) ? 1 : 0);
        int[] widths = new int[document.headers().size()];
        Arrays.fill(widths, 0, labels, 24);
        Arrays.fill(widths, labels, widths.length, 16);
        return subjectReport(years, document, status, format, "current-budget-" + year.value(), CurrentBudgetReports.TITLE + "_" + status.title(year.japaneseName()),
                CurrentBudgetReports.TITLE, widths);
    }

    @Operation(summary = "補正予算の概要: 第1表 歳入歳出予算補正 of one supplementary budget",
            description = "Per 会計 and side (歳入 first) the bill changes: each 款 it changes with 補正前の額, 補正額 and 計, each 項 it changes "
                    + "under it, and the side's 合計, in 千円; titled by the bill's title (or name), with its 議案番号 and state. 補正前の額 is "
                    + "the budget just before the bill came into force; for a bill still submitted, or rejected, the budget as it stands now, "
                    + "and 計 what it would be had the bill passed as submitted; a 修正可決's figures are its amended items. JSON (default; "
                    + "records keyed by the Japanese headers, with exact yen), CSV (UTF-8 with BOM), XLSX or PDF (A4).")
    @ApiResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectReports.Figures.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @Tag(name = "supplementary budgets")
    @GetMapping("/api/supplementary-budgets/{id}/summary")
    ResponseEntity<?> supplementarySummary(@PathVariable String id,
                                           @Parameter(description = "json (default), csv, xlsx or pdf", schema = @Schema(allowableValues = {"json", "csv", "xlsx", "pdf"}, defaultValue = "json"))
                                           @RequestParam(defaultValue = "json") String format,
                                           @RequestParam(required = false) Long minPosition) {
        checkFormat(format);
        consistency.awaitPosition(minPosition);
        SupplementaryBudgetView budget = budgets.find(id).orElseThrow(() -> new NotFoundException("supplementary budget", id));
        FiscalYear year = FiscalYear.of(budget.fiscalYear());
        YearStatus.Status status = years.of(year, null);
        SubjectReports.Report summary = summaries.summary(budget);
        String name = (budget.title() != null ? budget.title() : budget.name()) + "_" + SupplementarySummaryReports.TITLE.replace(' ', '_');
        return subjectReport(years, summary, status, format, "supplementary-summary-" + year.value() + (budget.number() == null ? "" : "-" + budget.number()),
                name.replaceAll("[\\\\/:*?\"<>|]", "_"), "歳入歳出予算補正", 28, 28, 16, 16, 16);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Refuses a {@code format} that is not one a document is given in. */
    static void checkFormat(String format) {
        if (!List.of("csv", "xlsx", "json", "pdf").contains(format)) {
            throw new InvalidValueException("format", "must be csv, xlsx, json or pdf");
        }
    }

    /** The rows of a document as a download: CSV (UTF-8 with BOM), XLSX (sheet {@code sheet}) or PDF (A4, titled {@code japanese}). */
    static ResponseEntity<byte[]> document(List<BudgetTableLayout.Row> rows, String format, String base, String japanese, String sheet,
                                           int... widths) {
        return switch (format) {
            case "csv" -> download(BetsuExports.csv(rows), new MediaType("text", "csv", StandardCharsets.UTF_8), base + ".csv", japanese + ".csv");
            case "xlsx" -> download(BetsuExports.xlsx(sheet, rows, widths), XLSX, base + ".xlsx", japanese + ".xlsx");
            case "pdf" -> download(PdfDocuments.pdf(japanese, rows, widths), MediaType.APPLICATION_PDF, base + ".pdf", japanese + ".pdf");
            default -> throw new InvalidValueException("format", "must be csv, xlsx or pdf");
        };
    }

    static ResponseEntity<?> subjectReport(YearStatus years, SubjectReports.Report report, YearStatus.Status status, String format,
                                           String base, String japanese, String sheet, int... widths) {
        if ("json".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(years.json(report.figures(), status));
        }
        return document(YearStatus.mark(report.rows(), status), format, base, japanese, sheet, widths);
    }

    /** A download named {@code asciiName}, and {@code name} (Japanese) for clients that read RFC 6266's filename*. */
    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String asciiName, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(asciiName).build()
                + "; filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        return ResponseEntity.ok().headers(headers).body(body);
    }
}
