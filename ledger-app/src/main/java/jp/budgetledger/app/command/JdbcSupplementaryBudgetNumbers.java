package jp.budgetledger.app.command;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.domain.SupplementaryBudgetNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@link SupplementaryBudgetNumbers} on the {@code supplementary_budget_series} table. Runs in the command's transaction; a
 * concurrent claim in the same series waits on the series' row until the other transaction ends, then counts on from it.
 */
@Component
public class JdbcSupplementaryBudgetNumbers implements SupplementaryBudgetNumbers {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public JdbcSupplementaryBudgetNumbers(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public int next(FiscalYear fiscalYear, String series) {
        return jdbc.sql("""
                        INSERT INTO supplementary_budget_series (fiscal_year, series, last_number) VALUES (?, ?, 1)
                        ON CONFLICT (fiscal_year, series) DO UPDATE SET last_number = supplementary_budget_series.last_number + 1
                        RETURNING last_number""")
                .params(fiscalYear.value(), series)
                .query(Integer.class)
                .single();
    }

    /** One series of one fiscal year. */
    public record Series(int fiscalYear, String series) {
    }

    /** Replaces the table with the highest number of each series in {@code last} (a restore), in the caller's transaction. */
    public void rebuild(Map<Series, Integer> last) {
        jdbc.sql("DELETE FROM supplementary_budget_series").update();
        jdbcTemplate.batchUpdate("INSERT INTO supplementary_budget_series (fiscal_year, series, last_number) VALUES (?, ?, ?)",
                last.entrySet().stream().map(e -> new Object[]{e.getKey().fiscalYear(), e.getKey().series(), e.getValue()}).toList());
    }
}
