package jp.budgetledger.app.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Bodies of the writes on one line other than amendments. An {@code actor} field is ignored. */
final class LineChangeRequests {

    private LineChangeRequests() {
    }

    @JsonIgnoreProperties(value = "actor")
    record Withdrawal(jp.budgetledger.core.api.WithdrawalKind kind, @Size(max = 64) String mergedInto, LocalDate effectiveDate,
                      @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference, @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    @JsonIgnoreProperties(value = "actor")
    record Revision(@Size(max = 200) String name, @Size(max = 4000) String summary, LocalDate effectiveDate,
                    @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference) {
    }

    @JsonIgnoreProperties(value = "actor")
    record Reassignment(@Size(max = 100) String department, @Size(max = 20) String categoryCode, @Size(max = 200) String categoryName,
                        LocalDate effectiveDate, @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference,
                        @jakarta.validation.Valid ClassificationRequests.SubjectBody subject, @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    @JsonIgnoreProperties(value = "actor")
    record Correction(@NotNull @PositiveOrZero Long sequence, @NotBlank @Size(max = 1000) String reason,
                      @Size(max = 200) String reference, @Schema(description = ApiDocumentation.PART_OF_SET) Boolean partOfSet) {
    }

    /** Response of a write on one line. */
    record Changed(String id, long version, long position) {
    }
}
