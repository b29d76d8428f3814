package jp.budgetledger.core.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void fiscalYearRunsFromAprilToMarch() {
        FiscalYear fy = FiscalYear.of(2020);
        assertThat(fy.firstDay()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(fy.lastDay()).isEqualTo(LocalDate.of(2021, 3, 31));
        assertThat(fy.contains(LocalDate.of(2021, 3, 31))).isTrue();
        assertThat(fy.contains(LocalDate.of(2021, 4, 1))).isFalse();
        assertThat(FiscalYear.containing(LocalDate.of(2021, 3, 31))).isEqualTo(fy);
        assertThat(FiscalYear.containing(LocalDate.of(2020, 4, 1))).isEqualTo(fy);
    }

    @Test
    void fiscalYearIsDisplayedInTheJapaneseEra() {
        assertThat(FiscalYear.of(2020).japaneseName()).isEqualTo("令和2年度");
        assertThat(FiscalYear.of(2019).japaneseName()).isEqualTo("令和元年度");
        assertThat(FiscalYear.of(2018).japaneseName()).isEqualTo("平成30年度");
        assertThat(FiscalYear.of(1989).japaneseName()).isEqualTo("平成元年度");
    }

    @Test
    void fiscalYearOutOfRangeIsRejected() {
        assertThatThrownBy(() -> FiscalYear.of(20200)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("fiscalYear");
    }

    @Test
    void idToStringIsTheRawValue() {
        assertThat(InitiativeId.of("abc-123")).hasToString("abc-123");
        assertThatThrownBy(() -> InitiativeId.of("../etc")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void blankReasonIsRejected() {
        assertThatThrownBy(() -> ChangeContext.of("　 ")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("reason");
    }

    @Test
    void textIsTrimmedAndIdeographicSpacesFolded() {
        assertThat(Department.of("　総務部　").name()).isEqualTo("総務部");
        assertThat(new Category(" １ ", "スマート自治体の推進").code()).isEqualTo("1");
        assertThat(Text.key("ＡＩ－ＯＣＲ　導入")).isEqualTo("AI-OCR 導入");
    }

    @Test
    void numbersAcceptFullWidthDigitsCommasAndTriangleMinus() {
        assertThat(Numbers.parseLong("amountYen", "３７，７８６")).isEqualTo(37_786L);
        assertThat(Numbers.parseLong("amountYen", " 37,786 ")).isEqualTo(37_786L);
        assertThat(Numbers.parseLong("amountYen", "△1,500")).isEqualTo(-1_500L);
        assertThat(Numbers.parseLong("amountYen", "▲２")).isEqualTo(-2L);
        assertThatThrownBy(() -> Numbers.parseLong("amountYen", "12a")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Numbers.parseLong("amountYen", "99999999999999999999"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("out of range");
    }
}
