package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.imports.BudgetImportService;
import jp.budgetledger.app.imports.ImportReport;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.InvalidValueException;
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
 */
@RestController
@Tag(name = "imports")
class ImportController {

    private final BudgetImportService imports;
    private final RequestContext context;
    private final CurrentUser user;

    ImportController(BudgetImportService imports, RequestContext context, CurrentUser user) {
        this.imports = imports;
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
