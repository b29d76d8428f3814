package jp.budgetledger.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.TreeText;
import jp.budgetledger.app.projection.ProjectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a budget book printed as an outline (款,項,目,節,説明 and a column per year, one row per 科目 with its
 * subtotal) through HTTP: both sides, balanced, in 千円 and Shift_JIS; fiscal year 2200.
 */
class OutlineBudgetImportIT extends LedgerIT {

    /** 令和182年度 is 2200年度: the book prints the year before beside it; totals 5,000 千円 on each side, 10 lines. */
    static final String BOOK = """
            款,項,目,節,説明,2199年度,2200年度
            歳入,,,,,,
            市税,,,,,2900,3000
            ,市民税,,,,1900,2000
            ,,個人,,,1400,1500
            ,,法人,,,500,500
            ,固定資産税,,,,1000,1000
            ,,固定資産税,,,1000,1000
            ,,,現年課税分,,900,900
            ,,,,土地・家屋,,
            ,,,滞納繰越分,,100,100
            地方交付税,,,,,2000,2000
            ,地方交付税,,,,2000,2000
            ,,地方交付税,,,2000,2000
            歳入合計,,,,,4900,5000
            歳出,,,,,,
            議会費,,,,,1100,1200
            ,議会費,,,,1100,1200
            ,,議会費,,,1100,1200
            ,,,報酬,,700,700
            ,,,給料,,400,500
            総務費,,,,,3800,3800
            ,総務管理費,,,,3000,3000
            ,,一般管理費,,,2000,2000
            ,,文書費,,,1000,1000
            ,徴税費,,,,800,800
            ,,税務総務費,,,800,800
            歳出合計,,,,,4900,5000
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionProgress progress;

    private Api.Response importCsv(byte[] body, String query) {
        return new Api(port, "finance-officer", TestUsers.PASSWORD).post("/api/imports/budget-csv?" + query, "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(body), false);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static byte[] sjis(String text) {
        return text.getBytes(Charset.forName("windows-31j"));
    }

    @Test
    void anOutlineBookOfBothSidesImportsAsItsDeepestRowsAndAWrongSubtotalRejectsItChangingNothing() throws Exception {
        Api api = new Api(port);
        long before = events();
        Api.Response wrong = importCsv(sjis(BOOK.replace(",,個人,,,1400,1500", ",,個人,,,1400,1501")),
                "fiscalYear=2200&unit=thousand&fileName=r182-outline.csv");
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(4);
            assertThat(e.get("field").asText()).isEqualTo("2200年度");
            assertThat(e.get("reason").asText()).contains("市民税").contains("2,000").contains("2,001");
        });
        assertThat(wrong.body().at("/report/recorded").asBoolean()).isFalse();
        Api.Response noColumn = importCsv(sjis(BOOK), "fiscalYear=2198&unit=thousand");
        assertThat(noColumn.status()).isEqualTo(422);
        assertThat(noColumn.body().at("/errors/0/reason").asText()).contains("2198").contains("2199年度, 2200年度");
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/totals?fiscalYear=2200").number("initiativeCount")).isZero();

        Api.Response dry = importCsv(sjis(BOOK), "fiscalYear=2200&unit=thousand&dryRun=true&expectedTotalYen=10000000");
        assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
        assertThat(dry.text("message")).contains("dry run").contains("10 lines");
        assertThat(events()).isEqualTo(before);

        Api.Response imported = importCsv(sjis(BOOK), "fiscalYear=2200&unit=thousand&expectedTotalYen=10000000&fileName=r182-outline.csv");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.body().at("/document/layout").asText()).isEqualTo("outline");
        assertThat(imported.body().at("/document/charset").asText()).isEqualTo("Shift_JIS");
        assertThat(imported.body().at("/document/unit").asText()).isEqualTo("千円");
        assertThat(imported.number("added")).isEqualTo(10);
        assertThat(imported.number("totalYen")).isEqualTo(10_000_000L);
        long position = imported.number("position");
        assertThat(progress.awaitPosition(position, Duration.ofMinutes(1))).isTrue();

        String tree = """
                account - 一般会計 10000000 10
                  side expenditure 歳出 5000000 5
                    kan 1 議会費 1200000 2
                      kou 1 議会費 1200000 2
                    kan 2 総務費 3800000 3
                      kou 1 総務管理費 3000000 2
                      kou 2 徴税費 800000 1
                  side revenue 歳入 5000000 5
                    kan 1 市税 3000000 4
                      kou 1 市民税 2000000 2
                      kou 2 固定資産税 1000000 2
                    kan 2 地方交付税 2000000 1
                      kou 1 地方交付税 2000000 1
                """;
        assertThat(TreeText.render(api.get("/api/totals/tree?fiscalYear=2200&depth=kou&minPosition=" + position).body())).isEqualTo(tree);
        assertThat(api.get("/api/totals/balance?fiscalYear=2200&minPosition=" + position).body().get(0).get("differenceYen").asLong()).isZero();
        assertThat(TreeText.render(api.get("/api/totals/tree?fiscalYear=2200&side=revenue&depth=setsu&minPosition=" + position).body()))
                .contains("\n        moku 1 固定資産税 1000000 2\n          setsu 1 現年課税分 900000 1\n          setsu 2 滞納繰越分 100000 1\n");

        long after = events();
        Api.Response wrongAgain = importCsv(sjis(BOOK.replace("歳出合計,,,,,4900,5000", "歳出合計,,,,,4900,5100")),
                "fiscalYear=2200&unit=thousand");
        assertThat(wrongAgain.status()).as(wrongAgain.raw()).isEqualTo(422);
        assertThat(wrongAgain.body().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(28);
            assertThat(e.get("reason").asText()).contains("5,100").contains("5,000");
        });
        Api.Response again = importCsv(sjis(BOOK), "fiscalYear=2200&unit=thousand&fileName=r182-outline.csv");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.number("alreadyPresent")).isEqualTo(10);
        assertThat(events()).isEqualTo(after);
        assertThat(TreeText.render(api.get("/api/totals/tree?fiscalYear=2200&depth=kou").body())).isEqualTo(tree);
    }
}
