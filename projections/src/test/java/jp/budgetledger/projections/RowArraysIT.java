package jp.budgetledger.projections;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowArraysIT {

    private final JdbcTemplate jdbc = new JdbcTemplate(ProjectionDatabase.dataSource());

    private record Stored(String text, Long amount, Boolean flag, LocalDate day, OffsetDateTime at) {
    }

    @Test
    void rowsKeepTheirValuesWhateverCharactersTheTextHolds() {
        jdbc.execute("DROP TABLE IF EXISTS row_arrays_probe");
        jdbc.execute("CREATE TABLE row_arrays_probe (n integer, text text, amount bigint, flag boolean, day date, at timestamptz)");
        OffsetDateTime at = OffsetDateTime.of(2026, 4, 1, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(9));
        List<Object[]> rows = List.of(
                new Object[]{1, "スマート自治体推進事業費（千円）", 37_786_000L, true, LocalDate.of(2026, 4, 1), at},
                new Object[]{2, "a,b {c} \"d\" \\e NULL", -5L, false, LocalDate.of(2027, 3, 31), at.toInstant()},
                new Object[]{3, null, null, null, null, null},
                new Object[]{4, "", Long.MAX_VALUE, true, LocalDate.of(2026, 9, 1), at.withOffsetSameInstant(ZoneOffset.UTC)});

        int written = RowArrays.update(jdbc, """
                INSERT INTO row_arrays_probe
                SELECT * FROM unnest(?::integer[], ?::text[], ?::bigint[], ?::boolean[], ?::date[], ?::timestamptz[])""", rows);

        assertThat(written).isEqualTo(4);
        List<Stored> stored = jdbc.query("SELECT text, amount, flag, day, at FROM row_arrays_probe ORDER BY n",
                (rs, i) -> new Stored(rs.getString(1), (Long) rs.getObject(2), (Boolean) rs.getObject(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class)));
        assertThat(stored).extracting(Stored::text)
                .containsExactly("スマート自治体推進事業費（千円）", "a,b {c} \"d\" \\e NULL", null, "");
        assertThat(stored).extracting(Stored::amount).containsExactly(37_786_000L, -5L, null, Long.MAX_VALUE);
        assertThat(stored).extracting(Stored::flag).containsExactly(true, false, null, true);
        assertThat(stored).extracting(Stored::day)
                .containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null, LocalDate.of(2026, 9, 1));
        assertThat(stored.get(0).at().toInstant()).isEqualTo(at.toInstant());
        assertThat(stored.get(1).at().toInstant()).isEqualTo(at.toInstant());
        assertThat(stored.get(2).at()).isNull();
        assertThat(stored.get(3).at().toInstant()).isEqualTo(at.toInstant());
    }

    @Test
    void noRowsRunNoStatementAndRowsOfUnequalWidthAreRefused() {
        assertThat(RowArrays.update(jdbc, "SELECT no_such_function()", List.of())).isZero();
        assertThatThrownBy(() -> RowArrays.update(jdbc, "SELECT 1", List.of(new Object[]{1, 2}, new Object[]{1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 values, not 2");
    }
}
