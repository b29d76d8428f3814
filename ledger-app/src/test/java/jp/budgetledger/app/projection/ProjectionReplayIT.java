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
        for (int i = 0; i < 30; i++) {
            Api.Response added = api.post("/api/initiatives",
                    line(2050 + i % 3, Integer.toString(1 + i % 5), "分類" + (1 + i % 5), i % 2 == 0 ? "総務部" : "出納局", "事業" + i, 1000L * (i + 1)));
            assertThat(added.status()).isEqualTo(201);
            Api.Response amended = api.post("/api/initiatives/" + added.text("id") + "/amendments",
                    "{\"deltaYen\": " + (i * 7 + 1) + ", \"reason\": \"補正\"}");
            assertThat(amended.status()).isEqualTo(200);
            position = amended.number("position");
        }
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
                "category_total", jdbc.sql("SELECT * FROM category_total ORDER BY fiscal_year, category_code").query().listOfRows());
    }
}
