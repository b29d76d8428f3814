package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.reports.CsvCells;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Text;
import jp.budgetledger.projections.audit.AuditEntry;
import jp.budgetledger.projections.audit.AuditLogQueries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/audit/events}: the ledger-wide audit log, filtered by fiscal year, recorded time
 * ({@code from} inclusive, {@code to} exclusive; instants, or dates meaning days in Japan), actor
 * and department; paged ({@code page} from 0, {@code size} up to 500), or all of it as CSV with
 * {@code format=csv}.
 */
@RestController
@Tag(name = "audit")
@RequestMapping("/api/audit")
class AuditController {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final AuditLogQueries auditLog;
    private final ReadConsistency consistency;

    AuditController(AuditLogQueries auditLog, ReadConsistency consistency) {
        this.auditLog = auditLog;
        this.consistency = consistency;
    }

    @Operation(summary = "The audit log",
            description = "Every recorded event ledger-wide, filtered by fiscal year, recorded time (from inclusive, to exclusive; instants, "
                    + "or dates meaning days in Japan), actor and department; paged (page from 0, size up to 500) as JSON, or all of it as "
                    + "CSV (UTF-8 with BOM) with format=csv.")
    @ApiResponse(responseCode = "200", description = "A page of the audit log (JSON), or all of it (CSV)", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = jp.budgetledger.projections.audit.AuditLogQueries.Page.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping("/events")
    ResponseEntity<?> events(@RequestParam(required = false) Integer fiscalYear,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String actor,
                             @RequestParam(required = false) String department,
                             @RequestParam(defaultValue = "0") Integer page,
                             @RequestParam(defaultValue = "50") Integer size,
                             @Parameter(description = "json (default) or csv", schema = @Schema(allowableValues = {"json", "csv"}, defaultValue = "json"))
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) Long minPosition,
                             HttpServletResponse response) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidValueException("size", "must be between 1 and 500");
        }
        AuditLogQueries.Filter filter = new AuditLogQueries.Filter(fiscalYear, MomentParameters.instant("from", from, false),
                MomentParameters.instant("to", to, true), Text.cleanOrNull(actor), Text.cleanOrNull(department));
        consistency.awaitPosition(minPosition);
        if (format.equals("csv")) {
            response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-events.csv").build().toString());
            try {
                OutputStream out = response.getOutputStream();
                out.write(UTF8_BOM);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader("position", "recordedAt", "type",
                        "fiscalYear", "department", "categoryCode", "subject", "actor", "effectiveDate", "reason", "reference",
                        "amountBeforeYen", "amountAfterYen", "aggregateId", "sequence", "eventId", "correlationId", "requestId",
                        "hash", "subjectPath", "approvedBy", "draftId", "actorName").get());
                auditLog.forEach(filter, e -> print(csv, e));
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        if (!format.equals("json")) {
            throw new InvalidValueException("format", "must be json or csv");
        }
        return ResponseEntity.ok(auditLog.page(filter, page, size));
    }

    private static void print(CSVPrinter csv, AuditEntry e) {
        try {
            csv.printRecord(CsvCells.record(e.position(), e.recordedAt(), e.type(), e.fiscalYear(), e.department(), e.categoryCode(), e.subject(),
                    e.actor(), e.effectiveDate(), e.reason(), e.reference(), e.amountBeforeYen(), e.amountAfterYen(),
                    e.aggregateId(), e.sequence(), e.eventId(), e.correlationId(), e.requestId(), e.hash(),
                    e.subjectPath(), e.approvedBy(), e.draftId(), e.actorName()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
