package jp.budgetledger.app.cluster;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a fiscal year folded straight from the stored events (lines added and amounts amended, read as JSON from
 * {@code domainevententry}), for the read models to be checked against.
 */
final class StoreFold {

    private static final String AMOUNTS = """
            WITH e AS (SELECT payloadType, convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
                       WHERE payloadType LIKE '%InitiativeAdded' OR payloadType LIKE '%AmountAmended'),
            a AS (SELECT p, CASE WHEN payloadType LIKE '%InitiativeAdded' THEN (p ->> 'amount')::bigint
                                 ELSE (p ->> 'amountAfter')::bigint - (p ->> 'amountBefore')::bigint END AS amount,
                         payloadType LIKE '%InitiativeAdded' AS added
                  FROM e WHERE (p ->> 'fiscalYear')::int = :year)
            """;

    private final JdbcClient store;

    StoreFold(JdbcClient store) {
        this.store = store;
    }

    /** A total in yen and the number of lines in it. */
    record Total(long totalYen, int lines) {
    }

    Total year(int fiscalYear) {
        return store.sql(AMOUNTS + "SELECT coalesce(sum(amount), 0), count(*) FILTER (WHERE added) FROM a").param("year", fiscalYear)
                .query((rs, i) -> new Total(rs.getLong(1), rs.getInt(2))).single();
    }

    /** Each department's total. */
    Map<String, Total> departments(int fiscalYear) {
        Map<String, Total> totals = new TreeMap<>();
        store.sql(AMOUNTS + "SELECT p ->> 'department', sum(amount), count(*) FILTER (WHERE added) FROM a GROUP BY 1").param("year", fiscalYear)
                .query(rs -> {
                    totals.put(rs.getString(1), new Total(rs.getLong(2), rs.getInt(3)));
                });
        return totals;
    }

    /** Each category's total, by "code name". */
    Map<String, Total> categories(int fiscalYear) {
        Map<String, Total> totals = new TreeMap<>();
        store.sql(AMOUNTS + "SELECT (p -> 'category' ->> 'code') || ' ' || (p -> 'category' ->> 'name'), sum(amount), count(*) FILTER (WHERE added) "
                        + "FROM a GROUP BY 1").param("year", fiscalYear)
                .query(rs -> {
                    totals.put(rs.getString(1), new Total(rs.getLong(2), rs.getInt(3)));
                });
        return totals;
    }

    /** Each department's total and line count in the read model next to the fold of the stored events, for a failure message. */
    String departmentsAgainstReadModel(int fiscalYear) {
        return store.sql(AMOUNTS + """
                        , s AS (SELECT p ->> 'department' AS department, sum(amount) AS total, count(*) FILTER (WHERE added) AS lines FROM a GROUP BY 1)
                        SELECT string_agg(coalesce(t.department, s.department) || ' read model ' || coalesce(t.total_yen, 0) || '/'
                                          || coalesce(t.initiative_count, 0) || ' store ' || coalesce(s.total, 0) || '/' || coalesce(s.lines, 0), '; ')
                        FROM (SELECT * FROM department_total WHERE fiscal_year = :year) t FULL JOIN s ON s.department = t.department""")
                .param("year", fiscalYear).query(String.class).optional().orElse("-");
    }
}
