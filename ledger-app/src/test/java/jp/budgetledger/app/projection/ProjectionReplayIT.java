package jp.budgetledger.app.projection;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Any projection can be dropped and rebuilt from the events, giving the same tables. */
class ProjectionReplayIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionProgress progress;

    @Test
    void resettingAndReplayingEveryProcessorRebuildsIdenticalTables() {
        Api api = new Api(port);
        long position = 0;
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Api.Response added = api.post("/api/initiatives",
                    line(2050 + i % 3, Integer.toString(1 + i % 5), "分類" + (1 + i % 5), i % 2 == 0 ? "総務部" : "出納局", "事業" + i, 1000L * (i + 1)));
            assertThat(added.status()).isEqualTo(201);
            ids.add(added.text("id"));
            Api.Response amended = api.post("/api/initiatives/" + added.text("id") + "/amendments",
                    "{\"deltaYen\": " + (i * 7 + 1) + ", \"reason\": \"補正\"}");
            assertThat(amended.status()).isEqualTo(200);
            position = amended.number("position");
        }
        assertThat(api.post("/api/transfers", "{\"fromId\": \"" + ids.get(3) + "\", \"toId\": \"" + ids.get(0)
                + "\", \"amountYen\": 500, \"reason\": \"流用\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/initiatives/" + ids.get(6) + "/withdrawals", "{\"reason\": \"廃止\", \"effectiveDate\": \"2050-10-01\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/initiatives/" + ids.get(9) + "/reassignments",
                "{\"department\": \"デジタル推進局\", \"reason\": \"組織改正\", \"effectiveDate\": \"2050-07-01\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/initiatives/" + ids.get(12) + "/revisions", "{\"name\": \"改名後\", \"reason\": \"名称変更\"}")
                .status()).isEqualTo(200);
        Api.Response budget = api.post("/api/supplementary-budgets", "{\"fiscalYear\": 2050, \"name\": \"補正\", \"resolvedOn\": \"2050-09-01\", "
                + "\"items\": [{\"initiativeId\": \"" + ids.get(15) + "\", \"deltaYen\": 700}, {\"categoryCode\": \"9\", "
                + "\"categoryName\": \"新\", \"department\": \"総務部\", \"name\": \"補正新規\", \"amountYen\": 900}]}");
        assertThat(budget.status()).as(budget.raw()).isEqualTo(201);
        position = budget.number("position");
        assertThat(progress.awaitPosition(position, Duration.ofSeconds(30))).isTrue();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("department_total")).isNotEmpty();

        for (String name : ProjectionNames.ALL) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        assertThat(progress.awaitPosition(position, Duration.ofSeconds(60))).isTrue();

        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "initiative_view", jdbc.sql("SELECT * FROM initiative_view ORDER BY initiative_id").query().listOfRows(),
                "department_total", jdbc.sql("SELECT * FROM department_total ORDER BY fiscal_year, department").query().listOfRows(),
                "category_total", jdbc.sql("SELECT * FROM category_total ORDER BY fiscal_year, category_code").query().listOfRows(),
                "line_state", jdbc.sql("""
                        SELECT initiative_id, department, category_code, name, amount_yen, version, effective::text, recorded::text
                        FROM line_state ORDER BY initiative_id, lower(recorded), lower(effective)""").query().listOfRows(),
                "audit_event", jdbc.sql("SELECT * FROM audit_event ORDER BY position").query().listOfRows(),
                "supplementary_budget", jdbc.sql("SELECT * FROM supplementary_budget ORDER BY position").query().listOfRows());
    }
}
