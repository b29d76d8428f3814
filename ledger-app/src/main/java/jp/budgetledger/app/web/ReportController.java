package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import jp.budgetledger.app.reports.BetsuExports;
import jp.budgetledger.app.reports.BetsuReportService;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/reports/betsu?fiscalYear=2020[&format=text|csv|xlsx]}: the fiscal year's
 * budget table in the 別紙 layout, from the projections, amounts in 千円.
 */
@RestController
@Tag(name = "reports")
class ReportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final BetsuReportService reports;
    private final ReadConsistency consistency;

    ReportController(BetsuReportService reports, ReadConsistency consistency) {
        this.reports = reports;
        this.consistency = consistency;
    }

    @Operation(summary = "The budget table in the 別紙 layout",
            description = "The fiscal year's budget table from the read models, amounts in 千円: text (default), CSV (UTF-8 with BOM, for Excel) "
                    + "or XLSX, chosen by format.")
    @ApiResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/betsu")
    ResponseEntity<byte[]> betsu(@RequestParam Integer fiscalYear,
                                 @Parameter(description = "text (default), csv or xlsx", schema = @Schema(allowableValues = {"text", "txt", "csv", "xlsx"}, defaultValue = "text"))
                                 @RequestParam(defaultValue = "text") String format,
                                 @RequestParam(required = false) Long minPosition) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        consistency.awaitPosition(minPosition);
        BetsuReportService.Report report = reports.report(year);
        String base = "betsu-" + year.value();
        String japanese = (report.table().attachment() == null ? "予算事業一覧" : report.table().attachment()) + "_" + year.japaneseName();
        return switch (format) {
            case "text", "txt" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(BetsuExports.text(report).getBytes(StandardCharsets.UTF_8));
            case "csv" -> download(BetsuExports.csv(report), new MediaType("text", "csv", StandardCharsets.UTF_8),
                    base + ".csv", japanese + ".csv");
            case "xlsx" -> download(BetsuExports.xlsx(report), XLSX, base + ".xlsx", japanese + ".xlsx");
            default -> throw new InvalidValueException("format", "must be text, csv or xlsx");
        };
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String asciiName, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(asciiName).build()
                + "; filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        return ResponseEntity.ok().headers(headers).body(body);
    }
}
