package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;

/**
 * A Japanese fiscal year (年度), named by the calendar year in which it starts: fiscal year
 * 2020 runs from 2020-04-01 to 2021-03-31. Displayed in the Japanese era as 令和2年度.
 * Serialised as a JSON integer.
 */
public record FiscalYear(int value) implements Comparable<FiscalYear> {

    public static final int MIN = 1989;
    public static final int MAX = 2299;

    public FiscalYear {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("fiscalYear", "must be between " + MIN + " and " + MAX);
        }
    }

    @JsonCreator
    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    /** The fiscal year that contains {@code date}. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    /** April 1 of the fiscal year. */
    public LocalDate firstDay() {
        return LocalDate.of(value, 4, 1);
    }

    /** March 31 of the following calendar year. */
    public LocalDate lastDay() {
        return LocalDate.of(value + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /**
     * The Japanese-era name: 令和N年度 from fiscal year 2019 (令和元年度), 平成N年度 before.
     * A fiscal year is named after the era in force when it starts, so fiscal year 2019, which
     * began in 平成 but is officially called 令和元年度, follows the government's usage.
     */
    public String japaneseName() {
        int reiwa = value - 2018;
        if (reiwa >= 1) {
            return "令和" + (reiwa == 1 ? "元" : Integer.toString(reiwa)) + "年度";
        }
        int heisei = value - 1988;
        return "平成" + (heisei == 1 ? "元" : Integer.toString(heisei)) + "年度";
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
