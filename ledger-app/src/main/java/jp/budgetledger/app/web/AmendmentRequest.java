package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/initiatives/{id}/amendments}: exactly one of {@code newAmountYen} and {@code deltaYen}. */
@JsonIgnoreProperties(value = "actor")
public record AmendmentRequest(
        @PositiveOrZero Long newAmountYen,
        Long deltaYen,
        LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 200) String reference,
        @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
}
