package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/initiatives}. An {@code actor} field is ignored: the actor comes from the request. */
@JsonIgnoreProperties(value = "actor")
public record AddInitiativeRequest(
        @NotNull Integer fiscalYear,
        @NotBlank @Size(max = 20) String categoryCode,
        @NotBlank @Size(max = 200) String categoryName,
        @NotBlank @Size(max = 100) String department,
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero Long amountYen,
        @Size(max = 4000) String summary,
        LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 200) String reference) {
}
