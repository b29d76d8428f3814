package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/initiatives}. An {@code actor} field is ignored: the actor comes from the request.
 * {@code accountCode}, {@code accountName}, {@code side}, {@code subject} and {@code departmentCode} classify the line
 * (all absent: an unclassified line); {@code categoryCode} and {@code categoryName} are required for an unclassified line.
 * {@code carryoverLimitYen} (optional) sets the line's 繰越明許費 limit with it.
 */
@JsonIgnoreProperties(value = "actor")
public record AddInitiativeRequest(
        @NotNull Integer fiscalYear,
        @Size(max = 20) @Schema(description = "Required unless the line is classified (accountName, side, subject)") String categoryCode,
        @Size(max = 200) @Schema(description = "Required unless the line is classified (accountName, side, subject)") String categoryName,
        @NotBlank @Size(max = 100) String department,
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero Long amountYen,
        @Size(max = 4000) String summary,
        LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 200) String reference,
        @Size(max = 20) @Schema(description = "The 会計's code as printed (optional)") String accountCode,
        @Size(max = 200) @Schema(description = "The 会計 (一般会計, a 特別会計); with side and subject it classifies the line") String accountName,
        @Schema(description = "expenditure (歳出) or revenue (歳入); 歳出 and 歳入 are read too") String side,
        @Valid ClassificationRequests.SubjectBody subject,
        @Size(max = 20) @Schema(description = "The department's code as the budget book prints it (classified lines only)") String departmentCode,
        @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet,
        @PositiveOrZero @Schema(description = "The line's 繰越明許費 limit (第2表), set with it as part of the 当初予算 (optional); at most "
                + "the line's amount, not on an 歳入 line") Long carryoverLimitYen) {
}
