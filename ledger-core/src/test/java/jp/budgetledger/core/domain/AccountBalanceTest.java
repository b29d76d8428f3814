package jp.budgetledger.core.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AccountBalanceTest {

    private static final FiscalYear FY = FiscalYear.of(2026);

    @Test
    void aBookOfOneSideIsBalancedWhateverItsTotal() {
        assertThat(new AccountBalance(0, 0, 5_000, 3).isUnbalanced()).isFalse();
        assertThat(new AccountBalance(7_000, 2, 0, 0).isUnbalanced()).isFalse();
        assertThat(new AccountBalance(0, 0, 0, 0).isUnbalanced()).isFalse();
        assertThatNoException().isThrownBy(() -> new AccountBalance(0, 0, 5_000, 3).requireBalanced(FY, "1 一般会計", false));
    }

    @Test
    void bothSidesWithLinesMustHaveEqualTotals() {
        assertThat(new AccountBalance(5_000, 1, 5_000, 3).isUnbalanced()).isFalse();
        assertThat(new AccountBalance(0, 1, 0, 1).isUnbalanced()).isFalse();
        assertThat(new AccountBalance(4_999, 1, 5_000, 3).isUnbalanced()).isTrue();
        assertThat(new AccountBalance(0, 1, 5_000, 3).isUnbalanced()).as("a revenue line of 0 yen still counts").isTrue();
    }

    @Test
    void anUnbalancedAccountIsRefusedNamingBothTotalsUnlessTheChangeIsPartOfASet() {
        AccountBalance unbalanced = new AccountBalance(1_234_000, 2, 1_000_000, 5);
        assertThatThrownBy(() -> unbalanced.requireBalanced(FY, "1 一般会計", false))
                .isInstanceOfSatisfying(UnbalancedAccountException.class, e -> {
                    assertThat(e.rule()).isEqualTo("unbalanced-account");
                    assertThat(e.concept()).isNull();
                    assertThat(e.isConflict()).isFalse();
                    assertThat(e.revenue().yen()).isEqualTo(1_234_000);
                    assertThat(e.expenditure().yen()).isEqualTo(1_000_000);
                    assertThat(e.account()).isEqualTo("1 一般会計");
                    assertThat(e.getMessage()).contains("1 一般会計", "2026", "歳入 1,234,000 yen", "歳出 1,000,000 yen");
                });
        assertThatNoException().isThrownBy(() -> unbalanced.requireBalanced(FY, "1 一般会計", true));
    }

    @Test
    void theFlagIsAnAdditionToTheChangeContextThatOldEventsReadAsAbsent() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ChangeContext old = json.readValue("{\"effectiveDate\":\"2026-04-01\",\"reason\":\"当初予算\",\"reference\":null}", ChangeContext.class);
        assertThat(old.partOfSet()).isNull();
        assertThat(old.flaggedAsPartOfSet()).isFalse();
        assertThat(json.writeValueAsString(old)).as("an unflagged change is stored as before")
                .isEqualTo("{\"effectiveDate\":\"2026-04-01\",\"reason\":\"当初予算\",\"reference\":null}");
        assertThat(new ChangeContext(null, "r", null, false).partOfSet()).as("false reads as not flagged").isNull();

        ChangeContext flagged = ChangeContext.of("歳出予算書の取込").asPartOfSet();
        assertThat(flagged.flaggedAsPartOfSet()).isTrue();
        assertThat(flagged.withDefaultEffectiveDate(LocalDate.of(2026, 4, 1)).flaggedAsPartOfSet()).isTrue();
        assertThat(json.readValue(json.writeValueAsString(flagged), ChangeContext.class)).isEqualTo(flagged);
    }
}
