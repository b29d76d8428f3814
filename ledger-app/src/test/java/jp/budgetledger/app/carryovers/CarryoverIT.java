package jp.budgetledger.app.carryovers;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 繰越明許費 (地方自治法 第213条) and 事故繰越し (第220条第3項) through HTTP: the limit of 第2表, a carry within it opening a line of
 * the next year from 1 April (outside its 当初予算, in its 予算現額 as 前年度繰越), the 繰越計算書, and the refusals that change
 * nothing. Fiscal years 2051–2059 and 2212–2219, and the ended 2015 for a carry recorded after its year end.
 */
class CarryoverIT extends LedgerIT {

    private static final String ROAD = """
            {"kan": {"code": "8", "name": "土木費"}, "kou": {"code": "2", "name": "道路橋りょう費"}, "moku": {"code": "2", "name": "道路新設改良費"}}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String line(int fiscalYear, String effectiveDate, long yen) {
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "建設課", "name": "市道改良事業", "amountYen": %d, "effectiveDate": "%s",
                 "reason": "当初予算", "reference": "議案第1号", "accountCode": "1", "accountName": "一般会計", "side": "歳出",
                 "subject": %s}""".formatted(fiscalYear, yen, effectiveDate, ROAD));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private Api.Response setLimit(String id, long yen) {
        return api.put("/api/initiatives/" + id + "/carryover-limit", """
                {"limitYen": %d, "reason": "第2表 繰越明許費", "reference": "議案第1号"}""".formatted(yen));
    }

    private Api.Response carry(String kind, String from, long yen, String funding, String accidentReason) {
        return api.post("/api/carryovers", """
                {"kind": "%s", "fromId": "%s", "amountYen": %d, "funding": %s, "reason": "用地買収の遅れ", "reference": "報告第3号"%s}"""
                .formatted(kind, from, yen, funding, accidentReason == null ? "" : ", \"accidentReason\": \"" + accidentReason + "\""));
    }

    private JsonNode get(String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(200);
        return response.body();
    }

    private long total(int fiscalYear, String query) {
        return get("/api/totals?fiscalYear=" + fiscalYear + query).path("totalYen").asLong();
    }

    @Test
    void aCarryWithinItsLimitOpensALineOfTheNextYearFromTheFirstOfAprilOutsideItsInitialBudgetAndIsInTheCarryoverStatement() throws Exception {
        String source = line(2051, "2051-04-01", 10_000_000);
        String own = line(2052, "2052-03-20", 5_000_000);
        Api.Response limit = setLimit(source, 6_000_000);
        assertThat(limit.status()).as(limit.raw()).isEqualTo(200);
        assertThat(limit.number("version")).isEqualTo(1);
        Instant beforeCarry = Instant.now();
        Api.Response carried = carry("explicit", source, 4_000_000,
                "{\"nationalPrefecturalYen\": 1000000, \"bondsYen\": 2000000, \"generalYen\": 1000000}", null);
        assertThat(carried.status()).as(carried.raw()).isEqualTo(201);
        String next = carried.text("carriedLineId");
        long position = carried.number("position");
        assertThat(next).isNotEqualTo(own);
        assertThat(carried.headers().firstValue("Location").orElseThrow()).endsWith("/api/initiatives/" + next);

        JsonNode opened = get("/api/initiatives/" + next + "?minPosition=" + position);
        assertThat(opened.path("fiscalYear").asInt()).isEqualTo(2052);
        assertThat(opened.path("amountYen").asLong()).isEqualTo(4_000_000);
        assertThat(opened.path("name").asText()).isEqualTo("市道改良事業");
        assertThat(opened.path("carriedFrom").path("initiativeId").asText()).isEqualTo(source);
        assertThat(opened.path("carriedFrom").path("fiscalYear").asInt()).isEqualTo(2051);
        assertThat(opened.path("carriedFrom").path("kind").asText()).isEqualTo("explicit");
        JsonNode from = get("/api/initiatives/" + source + "?minPosition=" + position);
        assertThat(from.path("amountYen").asLong()).as("the source keeps its amount").isEqualTo(10_000_000);
        assertThat(from.path("carryoverLimitYen").asLong()).isEqualTo(6_000_000);
        assertThat(from.path("carriedOverYen").asLong()).isEqualTo(4_000_000);
        assertThat(from.path("version").asLong()).isEqualTo(2);

        String at = "&minPosition=" + position;
        assertThat(total(2052, "&effectiveOn=2052-03-31" + at)).as("31 March: the year's own line only").isEqualTo(5_000_000);
        assertThat(total(2052, "&effectiveOn=2052-04-01" + at)).as("1 April: with the carried line").isEqualTo(9_000_000);
        assertThat(total(2052, at)).isEqualTo(9_000_000);
        assertThat(total(2052, "&stage=initial" + at)).as("当初 leaves the carried line out").isEqualTo(5_000_000);
        assertThat(total(2052, "&effectiveOn=2052-04-01&asOf=" + beforeCarry + at)).as("as recorded before the carry").isEqualTo(5_000_000);
        List<String> before = new ArrayList<>();
        get("/api/initiatives?fiscalYear=2052&effectiveOn=2052-04-01&asOf=" + beforeCarry + at).forEach(l -> before.add(l.path("id").asText()));
        assertThat(before).containsExactly(own);

        JsonNode current = get("/api/reports/current-budget?fiscalYear=2052&level=line" + at);
        assertThat(current.at("/total/initialYen").asLong()).isEqualTo(5_000_000);
        assertThat(current.at("/total/carriedYen").asLong()).isEqualTo(4_000_000);
        assertThat(current.at("/total/currentYen").asLong()).isEqualTo(9_000_000);
        Api.Response currentCsv = api.get("/api/reports/current-budget?fiscalYear=2052&format=csv" + at);
        assertThat(currentCsv.raw()).contains("前年度繰越額").contains("4,000");

        JsonNode statements = get("/api/reports/carryovers?fiscalYear=2051" + at);
        assertThat(statements.at("/statements/0/kind").asText()).isEqualTo("explicit");
        assertThat(statements.at("/statements/0/title").asText()).isEqualTo("繰越明許費繰越計算書");
        JsonNode general = statements.at("/statements/0/accounts/0");
        assertThat(general.path("accountName").asText()).isEqualTo("一般会計");
        JsonNode row = general.at("/rows/0");
        assertThat(row.path("kan").asText()).isEqualTo("8 土木費");
        assertThat(row.path("kou").asText()).isEqualTo("2 道路橋りょう費");
        assertThat(row.path("limitYen").asLong()).isEqualTo(6_000_000);
        assertThat(row.path("amountYen").asLong()).isEqualTo(4_000_000);
        assertThat(row.at("/funding/nationalPrefecturalYen").asLong()).isEqualTo(1_000_000);
        assertThat(row.at("/funding/bondsYen").asLong()).isEqualTo(2_000_000);
        assertThat(row.at("/funding/generalYen").asLong()).isEqualTo(1_000_000);
        assertThat(row.path("carriedLineId").asText()).isEqualTo(next);
        assertThat(general.path("amountYen").asLong()).isEqualTo(4_000_000);
        assertThat(statements.at("/statements/1/kind").asText()).isEqualTo("accident");
        assertThat(statements.at("/statements/1/accounts").size()).isZero();
        assertThat(get("/api/reports/carryovers?fiscalYear=2051&asOf=" + beforeCarry + at).at("/statements/0/accounts").size())
                .as("as recorded before the carry").isZero();

        Api.Response csv = api.get("/api/reports/carryovers?fiscalYear=2051&kind=explicit&format=csv" + at);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("\uFEFF").contains("繰越明許費繰越計算書").contains("\"6,000\"").contains("\"4,000\"")
                .contains("\"2,000\"").contains("用地買収の遅れ").doesNotContain("事故繰越し繰越計算書");
        byte[] xlsx = download("/api/reports/carryovers?fiscalYear=2051&format=xlsx" + at);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> texts = new ArrayList<>();
            workbook.getSheetAt(0).forEach(r -> r.forEach(c -> texts.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    ? Double.toString(c.getNumericCellValue()) : c.getStringCellValue())));
            assertThat(texts).contains("市道改良事業", "4000.0", "6000.0");
        }

        JsonNode limits = get("/api/reports/carryover-limits?fiscalYear=2051" + at);
        assertThat(limits.path("title").asText()).isEqualTo("第2表 繰越明許費");
        assertThat(limits.at("/accounts/0/rows/0/limitYen").asLong()).isEqualTo(6_000_000);
        assertThat(limits.at("/accounts/0/rows/0/basis").asText()).isEqualTo("当初");
        assertThat(limits.at("/accounts/0/rows/0/carriedYen").asLong()).isEqualTo(4_000_000);
        assertThat(api.get("/api/reports/carryover-limits?fiscalYear=2051&format=csv" + at).raw()).contains("第2表 繰越明許費").contains("\"6,000\"");

        List<String> types = new ArrayList<>();
        get("/api/initiatives/" + source + "/history?minPosition=" + position).forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("InitiativeAdded", "CarryoverLimitSet", "AmountCarriedOver");
    }

    @Test
    void aCarryAboveItsLimitIsRefusedNamingTheRuleAndTheFieldAndChangesNothing() {
        String source = line(2053, "2053-04-01", 3_000_000);
        long position = setLimit(source, 1_000_000).number("position");
        Api.Response refused = carry("explicit", source, 1_000_001, "{\"generalYen\": 1000001}", null);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("rule")).isEqualTo("carryover-limit-exceeded");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("amountYen");
        JsonNode unchanged = get("/api/initiatives/" + source + "?minPosition=" + position);
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("carriedOverYen").asLong()).isZero();
        assertThat(get("/api/initiatives?fiscalYear=2054&minPosition=" + position).size()).isZero();
        assertThat(get("/api/reports/carryovers?fiscalYear=2053&minPosition=" + position).at("/statements/0/accounts").size()).isZero();

        Api.Response above = setLimit(source, 3_000_001);
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.text("rule")).isEqualTo("carryover-limit-above-amount");
        assertThat(above.body().at("/errors/0/field").asText()).isEqualTo("limitYen");
    }

    @Test
    void anAccidentCarryWithoutItsReasonAndFundingThatDoesNotSumToTheAmountAreRefused() {
        String source = line(2055, "2055-04-01", 2_000_000);
        Api.Response noReason = carry("accident", source, 500_000, "{\"generalYen\": 500000}", null);
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("accidentReason");
        Api.Response unbalanced = carry("accident", source, 500_000, "{\"bondsYen\": 200000, \"generalYen\": 200000}", "工事現場の崩落");
        assertThat(unbalanced.status()).as(unbalanced.raw()).isEqualTo(422);
        assertThat(unbalanced.text("rule")).isEqualTo("carryover-funding-mismatch");
        assertThat(unbalanced.body().at("/errors/0/field").asText()).isEqualTo("funding");
        Api.Response withoutLimit = carry("explicit", source, 500_000, "{\"generalYen\": 500000}", null);
        assertThat(withoutLimit.status()).isEqualTo(422);
        assertThat(withoutLimit.text("rule")).isEqualTo("no-carryover-limit");
        assertThat(get("/api/initiatives?fiscalYear=2056").size()).isZero();
    }

    @Test
    void anAccidentCarryOfAnEndedYearIsRecordedAfterItsYearEndAndReportedApart() throws Exception {
        String book = ",年度,会計コード,会計名,歳入歳出,款,項コード,項名,目,節名称,所属名,備考,,予算額\n"
                + "1,2015,1,一般会計,歳出,8 土木費,02,道路橋りょう費,2 道路新設改良費,15 工事請負費,建設課,橋りょう補修,x,8000000\n";
        Api.Response imported = api.post("/api/imports/budget-csv?fileName=fy2015-carryover.csv", "text/csv",
                HttpRequest.BodyPublishers.ofString(book, StandardCharsets.UTF_8), false);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        JsonNode lines = get("/api/initiatives?fiscalYear=2015&minPosition=" + imported.number("position"));
        assertThat(lines.size()).isEqualTo(1);
        String source = lines.get(0).path("id").asText();

        Api.Response carried = carry("accident", source, 3_000_000, "{\"receivedYen\": 1000000, \"generalYen\": 2000000}",
                "避けがたい事故（出水）のため年度内に支出を終わらなかった");
        assertThat(carried.status()).as(carried.raw()).isEqualTo(201);
        long position = carried.number("position");
        JsonNode opened = get("/api/initiatives/" + carried.text("carriedLineId") + "?minPosition=" + position);
        assertThat(opened.path("fiscalYear").asInt()).isEqualTo(2016);
        assertThat(opened.path("carriedFrom").path("kind").asText()).isEqualTo("accident");
        JsonNode accident = get("/api/reports/carryovers?fiscalYear=2015&kind=accident&minPosition=" + position);
        assertThat(accident.path("statements").size()).isEqualTo(1);
        assertThat(accident.at("/statements/0/title").asText()).isEqualTo("事故繰越し繰越計算書");
        JsonNode row = accident.at("/statements/0/accounts/0/rows/0");
        assertThat(row.path("limitYen").isNull()).isTrue();
        assertThat(row.path("amountYen").asLong()).isEqualTo(3_000_000);
        assertThat(row.path("accidentReason").asText()).startsWith("避けがたい事故");
        assertThat(api.get("/api/reports/carryovers?fiscalYear=2015&kind=accident&format=csv&minPosition=" + position).raw())
                .contains("事故繰越し繰越計算書").doesNotContain("繰越明許費の額").contains("避けがたい事故");
    }

    /** A line of 一般会計 named as its 目 {@code moku} (款 8 土木費 項 2 for 歳出, 款 14 使用料及び手数料 項 1 for 歳入). */
    private Api.Response newLine(int fiscalYear, String name, String side, String moku, long yen, Long limitYen) {
        String kan = "歳入".equals(side) ? "{\"code\": \"14\", \"name\": \"使用料及び手数料\"}, \"kou\": {\"code\": \"1\", \"name\": \"使用料\"}"
                : "{\"code\": \"8\", \"name\": \"土木費\"}, \"kou\": {\"code\": \"2\", \"name\": \"道路橋りょう費\"}";
        return api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "建設課", "name": "%s", "amountYen": %d, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "%s", "subject": {"kan": %s, "moku": {"code": "%s", "name": "%s"}}%s}""".formatted(
                fiscalYear, name, yen, side, kan, moku, name, limitYen == null ? "" : ", \"carryoverLimitYen\": " + limitYen));
    }

    private List<String> historyTypes(String line, long position) {
        List<String> types = new ArrayList<>();
        get("/api/initiatives/" + line + "/history?minPosition=" + position).forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void aNewLineCarriesItsLimitAsPartOfTheInitialBudgetAndALimitItCannotHaveRecordsNoLine() {
        Api.Response added = newLine(2212, "橋りょう長寿命化事業", "歳出", "4", 8_000_000, 3_000_000L);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.number("version")).as("the line and its limit").isEqualTo(1);
        long position = added.number("position");
        JsonNode line = get("/api/initiatives/" + added.text("id") + "?minPosition=" + position);
        assertThat(line.path("carryoverLimitYen").asLong()).isEqualTo(3_000_000);
        assertThat(line.path("carryoverLimitBudgetId").isNull()).isTrue();
        assertThat(historyTypes(added.text("id"), position)).containsExactly("InitiativeAdded", "CarryoverLimitSet");
        JsonNode limits = get("/api/reports/carryover-limits?fiscalYear=2212&minPosition=" + position);
        assertThat(limits.at("/accounts/0/rows/0/limitYen").asLong()).isEqualTo(3_000_000);
        assertThat(limits.at("/accounts/0/rows/0/basis").asText()).isEqualTo("当初");

        Api.Response above = newLine(2212, "歩道整備事業", "歳出", "5", 1_000_000, 1_000_001L);
        assertThat(above.status()).as(above.raw()).isEqualTo(422);
        assertThat(above.contentType()).startsWith("application/problem+json");
        assertThat(above.text("rule")).isEqualTo("carryover-limit-above-amount");
        assertThat(above.body().at("/errors/0/field").asText()).isEqualTo("carryoverLimitYen");
        Api.Response revenue = newLine(2212, "道路占用料", "歳入", "1", 1_000_000, 1_000L);
        assertThat(revenue.status()).as(revenue.raw()).isEqualTo(422);
        assertThat(revenue.text("rule")).isEqualTo("carryover-revenue-side");
        assertThat(revenue.body().at("/errors/0/field").asText()).isEqualTo("carryoverLimitYen");
        assertThat(get("/api/initiatives?fiscalYear=2212&minPosition=" + position).size()).as("neither refused line").isEqualTo(1);
    }

    @Test
    void aSupplementaryBudgetSetsTheLimitsOfItsItemsWithItselfAsBasisOnceInForce() {
        String road = line(2213, "2213-04-01", 1_000_000);
        String bridge = newLine(2213, "橋りょう補修事業", "歳出", "4", 500_000, null).text("id");
        Api.Response refused = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2213, "name": "6月補正", "resolvedOn": "2213-06-30", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 1000, "carryoverLimitYen": 1001001}]}""".formatted(road));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.text("rule")).isEqualTo("carryover-limit-above-amount");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("items[0].carryoverLimitYen");

        Api.Response enacted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2213, "name": "9月補正", "resolvedOn": "2213-09-30", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 2000000, "carryoverLimitYen": 2500000},
                           {"department": "建設課", "name": "市道舗装事業", "amountYen": 700000, "carryoverLimitYen": 700000,
                            "accountCode": "1", "accountName": "一般会計", "side": "歳出",
                            "subject": {"kan": {"code": "8", "name": "土木費"}, "kou": {"code": "2", "name": "道路橋りょう費"},
                                        "moku": {"code": "3", "name": "道路維持費"}}}]}""".formatted(road));
        assertThat(enacted.status()).as(enacted.raw()).isEqualTo(201);
        String budget = enacted.text("id");
        long position = enacted.number("position");
        String paving = enacted.body().at("/initiativeIds/1").asText();
        JsonNode changed = get("/api/initiatives/" + road + "?minPosition=" + position);
        assertThat(changed.path("amountYen").asLong()).isEqualTo(3_000_000);
        assertThat(changed.path("carryoverLimitYen").asLong()).as("within the amount after the item").isEqualTo(2_500_000);
        assertThat(changed.path("carryoverLimitBudgetId").asText()).isEqualTo(budget);
        JsonNode added = get("/api/initiatives/" + paving + "?minPosition=" + position);
        assertThat(added.path("carryoverLimitYen").asLong()).isEqualTo(700_000);
        assertThat(added.path("carryoverLimitBudgetId").asText()).isEqualTo(budget);
        assertThat(historyTypes(road, position)).containsExactly("InitiativeAdded", "AmountAmended", "CarryoverLimitSet");

        Api.Response submitted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2213, "name": "12月補正", "procedure": "assembly", "submittedOn": "2213-12-01", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 100000, "carryoverLimitYen": 400000}]}""".formatted(bridge));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        assertThat(get("/api/initiatives/" + bridge + "?minPosition=" + submitted.number("position")).path("carryoverLimitYen").isNull())
                .as("nothing in force while submitted").isTrue();
        Api.Response passed = api.post("/api/supplementary-budgets/" + submitted.text("id") + "/resolutions", """
                {"outcome": "passed", "resolvedOn": "2213-12-20"}""");
        assertThat(passed.status()).as(passed.raw()).isEqualTo(201);
        JsonNode limited = get("/api/initiatives/" + bridge + "?minPosition=" + passed.number("position"));
        assertThat(limited.path("carryoverLimitYen").asLong()).isEqualTo(400_000);
        assertThat(limited.path("carryoverLimitBudgetId").asText()).isEqualTo(submitted.text("id"));

        JsonNode limits = get("/api/reports/carryover-limits?fiscalYear=2213&minPosition=" + passed.number("position"));
        List<String> bases = new ArrayList<>();
        limits.at("/accounts/0/rows").forEach(r -> bases.add(r.path("basis").asText()));
        assertThat(bases).hasSize(3).allMatch(b -> b.startsWith("補正第"));
    }

    @Test
    void theCarryoverStatementNamesTheLineAsItWasAtTheMomentAsked() {
        String source = line(2214, "2214-04-01", 2_000_000);
        setLimit(source, 1_000_000);
        Api.Response carried = carry("explicit", source, 600_000, "{\"generalYen\": 600000}", null);
        assertThat(carried.status()).as(carried.raw()).isEqualTo(201);
        get("/api/initiatives/" + source + "?minPosition=" + carried.number("position"));
        Instant afterCarry = Instant.now();
        Api.Response renamed = api.post("/api/initiatives/" + source + "/revisions", """
                {"name": "市道改良事業（第2期）", "reason": "事業名の変更"}""");
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        String at = "&minPosition=" + renamed.number("position");

        assertThat(get("/api/reports/carryovers?fiscalYear=2214&kind=explicit&asOf=" + afterCarry + at).at("/statements/0/accounts/0/rows/0/name")
                .asText()).as("as recorded before the renaming").isEqualTo("市道改良事業");
        assertThat(get("/api/reports/carryover-limits?fiscalYear=2214&asOf=" + afterCarry + at).at("/accounts/0/rows/0/name").asText())
                .isEqualTo("市道改良事業");
        assertThat(api.get("/api/reports/carryovers?fiscalYear=2214&kind=explicit&format=csv&asOf=" + afterCarry + at).raw())
                .contains("市道改良事業").doesNotContain("第2期");
        JsonNode now = get("/api/reports/carryovers?fiscalYear=2214&kind=explicit" + at).at("/statements/0/accounts/0/rows/0");
        assertThat(now.path("name").asText()).isEqualTo("市道改良事業（第2期）");
        assertThat(now.path("kan").asText()).isEqualTo("8 土木費");
    }

    @Test
    void theLinesCarriedIntoAYearAreOutsideTheBeforeAndAfterOfItsSupplementaryBudgets() {
        String source = line(2215, "2215-04-01", 3_000_000);
        setLimit(source, 2_000_000);
        String own = newLine(2216, "市道新設事業", "歳出", "5", 5_000_000, null).text("id");
        Api.Response carried = carry("explicit", source, 1_000_000, "{\"generalYen\": 1000000}", null);
        assertThat(carried.status()).as(carried.raw()).isEqualTo(201);
        Api.Response enacted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2216, "name": "9月補正", "resolvedOn": "2216-09-30", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 500000}]}""".formatted(own));
        assertThat(enacted.status()).as(enacted.raw()).isEqualTo(201);
        String at = "&minPosition=" + enacted.number("position");

        JsonNode stages = get("/api/reports/stages?fiscalYear=2216" + at).path("stages");
        assertThat(stages.size()).isEqualTo(2);
        assertThat(stages.at("/0/afterYen").asLong()).isEqualTo(5_000_000);
        JsonNode first = stages.get(1);
        assertThat(first.path("stage").asText()).isEqualTo(enacted.text("id"));
        assertThat(first.path("beforeYen").asLong()).as("補正前: the carried line is outside the budget").isEqualTo(5_000_000);
        assertThat(first.path("changeYen").asLong()).isEqualTo(500_000);
        assertThat(first.path("afterYen").asLong()).isEqualTo(5_500_000);
        List<String> lines = new ArrayList<>();
        first.path("lines").forEach(l -> lines.add(l.path("key").asText()));
        assertThat(lines).containsExactly(own);
        assertThat(first.at("/departments/0/beforeYen").asLong()).isEqualTo(5_000_000);
        assertThat(total(2216, "&stage=" + enacted.text("id") + at)).isEqualTo(5_500_000);
        assertThat(total(2216, "&stage=initial" + at)).isEqualTo(5_000_000);
        assertThat(total(2216, at)).as("the year's lines with the carried one").isEqualTo(6_500_000);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("test-officer:secret-pw").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
