package jp.budgetledger.app.web;

import jp.budgetledger.app.reports.Stages;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.projections.temporal.Moment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The two time axes of reads. {@code asOf}: an ISO-8601 instant ({@code 2026-11-26T10:00:00Z},
 * or with an offset such as {@code +09:00}), or a date meaning the end of that day in Japan;
 * only what the ledger had recorded by then counts. {@code effectiveOn}: a date; only changes in
 * force on that day count. When neither is given a read shows the fiscal year's budget with every
 * change recorded so far; when only one is given the other is now, or the whole fiscal year.
 * {@code stage} ({@link Stages}): {@code initial} or the id of a supplementary budget in force names the
 * moment right after that stage, {@code proposed} the current budget as if every submitted bill passed;
 * it takes an {@code effectiveOn} but not an {@code asOf}.
 */
final class MomentParameters {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The days a moment may name: the years 1 to 9999, as dates and instants are written with four-digit years. */
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final String OUT_OF_RANGE = "must lie between 0001-01-01 and 9999-12-31";

    private MomentParameters() {
    }

    static Optional<Moment> of(FiscalYear fiscalYear, String asOf, String effectiveOn) {
        if (isBlank(asOf) && isBlank(effectiveOn)) {
            return Optional.empty();
        }
        Instant at = isBlank(asOf) ? Instant.now() : instant("asOf", asOf, true);
        LocalDate day = isBlank(effectiveOn) ? fiscalYear.lastDay() : day("effectiveOn", effectiveOn.strip());
        return Optional.of(new Moment(day, at));
    }

    /** The moment of {@code asOf}, {@code effectiveOn} and {@code stage}; empty when none is given. */
    static Optional<Moment> of(FiscalYear fiscalYear, String asOf, String effectiveOn, String stage, Stages stages) {
        if (isBlank(stage)) {
            return of(fiscalYear, asOf, effectiveOn);
        }
        if (!isBlank(asOf)) {
            throw new InvalidValueException("stage", "give either stage or asOf, not both");
        }
        Moment after = stages.moment(fiscalYear, stage.strip());
        return Optional.of(isBlank(effectiveOn) ? after : after.on(day("effectiveOn", effectiveOn.strip())));
    }

    /**
     * An ISO-8601 instant or offset date-time, or a date meaning the start (or with {@code endOfDay}
     * the end) of that day in Japan; null for blank text.
     */
    static Instant instant(String field, String text, boolean endOfDay) {
        if (isBlank(text)) {
            return null;
        }
        String value = text.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                LocalDate day = date(field, value, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, or a date, got '" + value + "'");
                instant = endOfDay ? day.plusDays(1).atStartOfDay(JAPAN).toInstant().minusNanos(1) : day.atStartOfDay(JAPAN).toInstant();
            }
        }
        if (instant.isBefore(FIRST.atStartOfDay(JAPAN).toInstant()) || instant.isAfter(LAST.plusDays(1).atStartOfDay(JAPAN).toInstant())) {
            throw new InvalidValueException(field, OUT_OF_RANGE + ", got '" + value + "'");
        }
        return instant;
    }

    /** A date (YYYY-MM-DD) between the years 1 and 9999. */
    static LocalDate day(String field, String text) {
        return date(field, text, "must be a date (YYYY-MM-DD), got '" + text + "'");
    }

    private static LocalDate date(String field, String text, String reason) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, reason);
        }
        if (day.isBefore(FIRST) || day.isAfter(LAST)) {
            throw new InvalidValueException(field, OUT_OF_RANGE + ", got '" + text + "'");
        }
        return day;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
