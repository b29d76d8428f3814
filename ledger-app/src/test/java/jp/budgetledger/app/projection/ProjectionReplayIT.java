package jp.budgetledger.app.projection;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Any projection can be dropped and rebuilt from the events, giving the same tables; an event delivered again changes nothing. */
class ProjectionReplayIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    TokenStore tokenStore;

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
                "supplementary_budget", jdbc.sql("SELECT * FROM supplementary_budget ORDER BY position").query().listOfRows(),
                "line_movement", jdbc.sql("SELECT * FROM line_movement ORDER BY initiative_id, sequence").query().listOfRows(),
                "supplementary_new_line", jdbc.sql("SELECT * FROM supplementary_new_line ORDER BY initiative_id").query().listOfRows(),
                "supplementary_budget_column", jdbc.sql("SELECT * FROM supplementary_budget_column ORDER BY position").query().listOfRows());
    }

    private static final int YEAR = 2091;

    /**
     * Axon's pooled processor hands a segment events it has processed already when it reads its
     * stream from an older position (on start, or when it takes another node's segments over) while
     * that segment's token still waits for an event committed since. The totals count them once.
     */
    @Test
    void eventsDeliveredAgainAfterALateCommitAreCountedOnce() throws Exception {
        Api api = new Api(port);
        long early = api.post("/api/initiatives", line(YEAR, "1", "分類1", "総務部", "遅れて確定", 1_000L)).number("position");
        long late = api.post("/api/initiatives", line(YEAR, "1", "分類1", "総務部", "先に確定", 20_000L)).number("position");
        assertThat(progress.awaitPosition(late, Duration.ofSeconds(30))).isTrue();
        assertThat(totalOfRedeliveryYear()).isEqualTo("21000/2");

        // The state a node is in when the event at `early` committed after the one at `late` had been
        // processed: the fiscal year's segment waits for `early`, its totals do not contain it yet,
        // and another segment is further back, so the stream is read again from there.
        StreamingEventProcessor totals = processing.eventProcessor(ProjectionNames.TOTALS, StreamingEventProcessor.class).orElseThrow();
        totals.shutDown();
        int[] segments = tokenStore.fetchSegments(ProjectionNames.TOTALS);
        int yearSegment = Arrays.stream(Segment.computeSegments(segments))
                .filter(segment -> segment.matches((Object) ("fy-" + YEAR))).findFirst().orElseThrow().getSegmentId();
        int otherSegment = Arrays.stream(segments).filter(segment -> segment != yearSegment).findFirst().orElseThrow();
        tokenStore.storeToken(GapAwareTrackingToken.newInstance(late, Set.of(early)), ProjectionNames.TOTALS, yearSegment);
        tokenStore.storeToken(GapAwareTrackingToken.newInstance(early - 1, Set.of()), ProjectionNames.TOTALS, otherSegment);
        tokenStore.releaseClaim(ProjectionNames.TOTALS, yearSegment);
        tokenStore.releaseClaim(ProjectionNames.TOTALS, otherSegment);
        jdbc.sql("UPDATE department_total SET total_yen = total_yen - 1000, initiative_count = initiative_count - 1 WHERE fiscal_year = ?")
                .param(YEAR).update();
        jdbc.sql("UPDATE category_total SET total_yen = total_yen - 1000, initiative_count = initiative_count - 1 WHERE fiscal_year = ?")
                .param(YEAR).update();
        jdbc.sql("UPDATE totals_watermark SET gaps = ARRAY[?]::bigint[] WHERE fiscal_year = ?").params(early, YEAR).update();
        assertThat(totalOfRedeliveryYear()).isEqualTo("20000/1");

        totals.start();
        await("the totals processor reads past the gap at " + early).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> totals.processingStatus().size() >= segments.length && totals.processingStatus().values().stream()
                        .allMatch(status -> status.getTrackingToken() instanceof GapAwareTrackingToken token
                                && token.getIndex() >= late && token.getGaps().stream().noneMatch(gap -> gap >= early)));

        assertThat(totalOfRedeliveryYear()).isEqualTo("21000/2");
    }

    private String totalOfRedeliveryYear() {
        return jdbc.sql("SELECT sum(total_yen) || '/' || sum(initiative_count) FROM department_total WHERE fiscal_year = ?")
                .param(YEAR).query(String.class).single();
    }
}
