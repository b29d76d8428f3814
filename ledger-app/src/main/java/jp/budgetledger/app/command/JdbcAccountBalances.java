package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.domain.AccountBalance;
import jp.budgetledger.core.domain.AccountBalances;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link AccountBalances} as {@link AccountBalanceGuard} keeps them in {@code account_balance} (committed changes only). */
@Component
public class JdbcAccountBalances implements AccountBalances {

    private final JdbcClient jdbc;

    public JdbcAccountBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AccountBalance of(FiscalYear fiscalYear, String accountKey) {
        long[] revenue = new long[2];
        long[] expenditure = new long[2];
        jdbc.sql("SELECT side, total_yen, line_count FROM account_balance WHERE fiscal_year = ? AND account_key = ?")
                .params(fiscalYear.value(), accountKey)
                .query(rs -> {
                    long[] side = Side.parse(rs.getString(1)) == Side.REVENUE ? revenue : expenditure;
                    side[0] = rs.getLong(2);
                    side[1] = rs.getLong(3);
                });
        return new AccountBalance(revenue[0], revenue[1], expenditure[0], expenditure[1]);
    }
}
