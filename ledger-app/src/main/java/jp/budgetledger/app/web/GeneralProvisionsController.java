package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.command.GeneralProvisionsReader;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.core.api.BarSetsu;
import jp.budgetledger.core.api.BarredSetsu;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.GeneralProvisionsId;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.RegisterTransferClause;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;
import jp.budgetledger.core.domain.GeneralProvisions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A fiscal year's 予算総則 as far as transfers go, per 会計: {@code POST .../transfer-clauses} registers a
 * 項間流用 clause, {@code POST .../barred-setsu} bars a 節 as a source, {@code GET} lists both as recorded.
 */
@RestController
@Tag(name = "general provisions")
class GeneralProvisionsController {

    private final LedgerCommands commands;
    private final RequestContext context;
    private final GeneralProvisionsReader reader;
    private final RequestLimits limits;

    GeneralProvisionsController(LedgerCommands commands, RequestContext context, GeneralProvisionsReader reader, RequestLimits limits) {
        this.limits = limits;
        this.commands = commands;
        this.context = context;
        this.reader = reader;
    }

    @JsonIgnoreProperties(value = "actor")
    record ClauseRequest(@Size(max = 20) String accountCode, @NotBlank @Size(max = 200) String accountName,
                         @NotBlank @Size(max = TransferClause.MAX_ARTICLE_LENGTH) String article,
                         @NotBlank @Size(max = TransferClause.MAX_TEXT_LENGTH) String text,
                         @NotNull @Valid ClassificationRequests.Level kan,
                         @Schema(description = "The 項 between which the clause allows transfers (at least two); or give setsus")
                         @Valid List<ClassificationRequests.Level> kous,
                         @Schema(description = "The 節 between whose lines of any 項 of the 款 the clause allows transfers; or give kous")
                         @Valid List<ClassificationRequests.Level> setsus,
                         LocalDate effectiveDate, @Size(max = 1000) String reason, @Size(max = 200) String reference) {
    }

    @JsonIgnoreProperties(value = "actor")
    record BarredSetsuRequest(@Size(max = 20) String accountCode, @NotBlank @Size(max = 200) String accountName,
                              @NotNull @Valid ClassificationRequests.Level setsu,
                              @NotBlank @Size(max = BarredSetsu.MAX_REASON_LENGTH) String reason,
                              LocalDate effectiveDate, @Size(max = 200) String reference) {
    }

    record Registered(int fiscalYear, String id, long version, long position) {
    }

    record Clause(String accountCode, String accountName, String article, String text, SubjectLevel kan, List<SubjectLevel> kous,
                  List<SubjectLevel> setsus, LocalDate effectiveDate, String reason, String reference) {
    }

    record Barred(String accountCode, String accountName, SubjectLevel setsu, String reason, LocalDate effectiveDate, String reference) {
    }

    record Provisions(int fiscalYear, List<Clause> transferClauses, List<Barred> barredSetsu) {
    }

    @Operation(summary = "Register a 項間流用 clause of a fiscal year's 予算総則",
            description = "The clause (article, text) allows transfers between the 項 of the 款 kan: between any two of kous, or between "
                    + "lines of any 項 of the 款 whose 節 are both among setsus (給料・職員手当等・共済費). A transfer between 項 cites it by "
                    + "its article (clause). An article the 会計 has that year already is 409 duplicate-clause.")
    @PostMapping("/api/general-provisions/{fiscalYear}/transfer-clauses")
    @ResponseStatus(HttpStatus.CREATED)
    Registered registerClause(@PathVariable int fiscalYear, @Valid @RequestBody ClauseRequest body, HttpServletRequest request,
                              HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        TransferClause clause = new TransferClause(body.article(), body.text(), ClassificationRequests.level("kan", body.kan()),
                levels("kous", body.kous()), levels("setsus", body.setsus()));
        String reason = body.reason() == null ? "予算総則 " + clause.article() : body.reason();
        var command = new RegisterTransferClause(year, account(body.accountCode(), body.accountName()), clause,
                new ChangeContext(body.effectiveDate(), reason, body.reference()));
        return registered(year, command, request, response);
    }

    @Operation(summary = "Bar a 節 as the source of transfers in a fiscal year",
            description = "No transfer takes money from a line of the 会計 whose 節 is setsu that year (transfer-from-barred-setsu); it may "
                    + "still receive. A 節 barred already is 409 setsu-already-barred.")
    @PostMapping("/api/general-provisions/{fiscalYear}/barred-setsu")
    @ResponseStatus(HttpStatus.CREATED)
    Registered barSetsu(@PathVariable int fiscalYear, @Valid @RequestBody BarredSetsuRequest body, HttpServletRequest request,
                        HttpServletResponse response) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        var command = new BarSetsu(year, account(body.accountCode(), body.accountName()),
                new BarredSetsu(ClassificationRequests.level("setsu", body.setsu()), body.reason()),
                new ChangeContext(body.effectiveDate(), body.reason(), body.reference()));
        return registered(year, command, request, response);
    }

    private Registered registered(FiscalYear year, Object command, HttpServletRequest request, HttpServletResponse response) {
        String id = GeneralProvisionsId.of(year);
        var recorded = RequestFields.GENERAL_PROVISIONS.call(() -> commands.change(command, id, context.requester(request, response)));
        return new Registered(year.value(), id, recorded.result(), recorded.position());
    }

    @Operation(summary = "A fiscal year's 予算総則 clauses and barred 節",
            description = "Every 項間流用 clause and barred 節 registered for the fiscal year, per 会計, in the order registered; "
                    + "empty lists for a year without any.")
    @GetMapping("/api/general-provisions/{fiscalYear}")
    Provisions provisions(@PathVariable int fiscalYear) {
        GeneralProvisions provisions = reader.of(FiscalYear.of(fiscalYear));
        List<Clause> clauses = provisions.clauses().stream().map(c -> new Clause(c.account().code(), c.account().name(),
                c.clause().article(), c.clause().text(), c.clause().kan(), c.clause().kous(), c.clause().setsus(),
                c.change().effectiveDate(), c.change().reason(), c.change().reference())).toList();
        List<Barred> barred = provisions.barredSetsus().stream().map(b -> new Barred(b.account().code(), b.account().name(),
                b.barred().setsu(), b.barred().reason(), b.change().effectiveDate(), b.change().reference())).toList();
        return new Provisions(fiscalYear, clauses, barred);
    }

    private static SubjectLevel account(String code, String name) {
        try {
            return SubjectLevel.of(code, name);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("code".equals(e.field()) ? "accountCode" : "accountName", e.reason());
        }
    }

    private List<SubjectLevel> levels(String field, List<ClassificationRequests.Level> levels) {
        if (levels == null) {
            return null;
        }
        RequestLimits.requireAtMost(field, levels, limits.maxListItems());
        List<SubjectLevel> parsed = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) == null) {
                throw new InvalidValueException(field + "[" + i + "]", "must not be null");
            }
            parsed.add(ClassificationRequests.level(field + "[" + i + "]", levels.get(i)));
        }
        return parsed;
    }
}
