package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.imports.BudgetCsvImportService;
import jp.budgetledger.app.imports.BudgetCsvReport;
import jp.budgetledger.app.imports.BudgetImportService;
import jp.budgetledger.app.imports.ImportReport;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.budgetcsv.BudgetCsvDefaults;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * {@code POST /api/imports?fiscalYear=2020&dryRun=true}: the body is a budget table in the 別紙
 * layout (UTF-8 or Shift_JIS, detected unless {@code charset} or the Content-Type names it).
 * Answers the import report: 201 when lines were recorded, 200 for a dry run or when every line
 * is already present, 422 problem+json with the report when the document has errors.
 * {@code POST /api/imports/budget-csv} does the same for a budget CSV ({@link BudgetCsvImportService}).
 */
@RestController
@Tag(name = "imports")
class ImportController {

    private final BudgetImportService imports;
    private final BudgetCsvImportService csvImports;
    private final RequestContext context;
    private final CurrentUser user;

    ImportController(BudgetImportService imports, BudgetCsvImportService csvImports, RequestContext context, CurrentUser user) {
        this.imports = imports;
        this.csvImports = csvImports;
        this.context = context;
        this.user = user;
    }

    @Operation(summary = "Import a 別紙 budget table",
            description = "The body is a budget table in the 別紙 layout (UTF-8 or Shift_JIS, detected unless charset or the Content-Type names it), "
                    + "imported as the initial budget of fiscalYear. Every printed 小計 and 合計 is checked; a mismatch rejects the whole document "
                    + "(422 with the report) and records nothing. dryRun=true only reports. Lines already present are not added again.")
    @ApiResponse(responseCode = "201", description = "Lines were recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "A dry run, or every line was already present: nothing recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "The user may not record lines of a department in the document")
    @PostMapping(value = "/api/imports", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv", "text/tab-separated-values",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> importDocument(@RequestParam Integer fiscalYear,
                                                @RequestParam(defaultValue = "false") boolean dryRun,
                                                @RequestParam(required = false) String charset,
                                                @Parameter(hidden = true)
                                                @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The document", content = {
                                                        @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                                                        @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                                        @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = "string")),
                                                        @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
                                                @RequestBody(required = false) byte[] body,
                                                HttpServletRequest request, HttpServletResponse response) {
        if (body == null || body.length == 0) {
            throw new InvalidValueException("body", "send the document as the request body");
        }
        Charset resolved = charset(charset, contentType);
        var requester = dryRun ? null : context.requester(request, response);
        ImportReport report = imports.importDocument(body, resolved, fiscalYear, dryRun, requester, user::requireDepartment);
        return ResponseEntity.status(report.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    @Operation(summary = "Import a budget CSV",
            description = "The body is a budget CSV as municipalities publish it in open data (UTF-8 with or without BOM, or Shift_JIS): "
                    + "a header naming the columns (年度, 会計, 歳入歳出, 款, 項, 目, 事業/細目, 節, 細節, 所属 with their 名/名称/コード forms, 予算額), "
                    + "one row per line; unknown and unnamed columns are ignored. Every row becomes a line of the initial budget (当初予算), "
                    + "identified by its 会計, side, 科目 path and 所属 and named by its deepest level. fiscalYear and side apply when the "
                    + "file has no 年度 / 歳入歳出 column; unit (yen or thousand) says what 予算額 is in. All or nothing: any row problem, "
                    + "or a grand total other than expectedTotalYen, rejects the whole file (422 with the report) and records nothing. "
                    + "dryRun=true only reports. A file whose lines are all present already adds nothing. "
                    + "The outline of a budget book (header 款,項,目,節,説明 with names only and an amount column per year, R6,R7 or "
                    + "令和7年度 or 2025年度) is recognised by its header: one row per 科目 with its subtotal; the deepest rows are the "
                    + "lines, their path from the rows above, codes as printed or else the ordinal within the parent; the column of "
                    + "fiscalYear is read; every subtotal must equal the sum of its children (else 422 naming the row, the column and "
                    + "both figures); side from side= or a 歳入 / 歳出 heading row.")
    @ApiResponse(responseCode = "201", description = "Lines were recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "A dry run, or every line was already present: nothing recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "The user may not record lines of a department in the file")
    @PostMapping(value = "/api/imports/budget-csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, "text/tab-separated-values",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<BudgetCsvReport> importBudgetCsv(
            @Parameter(description = "The fiscal year of a file without a 年度 column (a file with one must agree); of an outline, the year whose column is read")
            @RequestParam(required = false) Integer fiscalYear,
            @Parameter(description = "yen or thousand (千円): the unit of 予算額; default the unit its header states, else yen")
            @RequestParam(required = false) String unit,
            @Parameter(description = "expenditure or revenue: the side of rows without a 歳入歳出 value")
            @RequestParam(required = false) String side,
            @Parameter(description = "The printed grand total in yen; a file adding up to another figure is rejected")
            @RequestParam(required = false) Long expectedTotalYen,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "The file's name, recorded as the reference of every line with the file's SHA-256")
            @RequestParam(required = false) String fileName,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The CSV file", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request, HttpServletResponse response) {
        if (body == null || body.length == 0) {
            throw new InvalidValueException("body", "send the CSV file as the request body");
        }
        BudgetCsvImportService.Request csv = new BudgetCsvImportService.Request(
                new BudgetCsvDefaults(fiscalYear == null ? null : FiscalYear.of(fiscalYear), BudgetCsvImportService.side(side),
                        BudgetCsvImportService.unit(unit)),
                expectedTotalYen, dryRun, fileName);
        var requester = dryRun ? null : context.requester(request, response);
        BudgetCsvReport report = csvImports.importCsv(body, csv, requester, user::requireDepartment);
        return ResponseEntity.status(report.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    private static Charset charset(String parameter, String contentType) {
        String name = parameter;
        if (name == null && contentType != null) {
            try {
                Charset fromType = MediaType.parseMediaType(contentType).getCharset();
                return fromType;
            } catch (RuntimeException e) {
                throw new InvalidValueException("Content-Type", "has an unknown charset");
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return name.equalsIgnoreCase("Shift_JIS") || name.equalsIgnoreCase("sjis") || name.equalsIgnoreCase("cp932")
                    ? Charset.forName("windows-31j") : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidValueException("charset", "unknown character set '" + name + "' (use UTF-8 or Shift_JIS)");
        }
    }
}
