package jp.budgetledger.app.eventstore;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.audit.StoreVerifier;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.StorePosition;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the store's reader hands out carries its own position, also when it fills a gap
 * left by a transaction that committed after later ones; the position is never stored and the
 * hashes still verify.
 */
class StorePositionIT extends LedgerIT {

    private static final int YEAR = 2076;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    LedgerCommands commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    StoreVerifier verifier;
    @Autowired
    StoredEvents store;
    @Autowired
    ReadPositions readPositions;

    @Test
    void everyEventReadFromTheStoreCarriesExactlyItsOwnPosition() {
        Api api = new Api(port);
        String id = api.post("/api/initiatives", line(YEAR, "1", "分類1", "総務部", "位置を持つ", 1_000)).text("id");
        long amended = api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 5, \"reason\": \"補正\"}").number("position");
        assertThat(store.head()).isGreaterThanOrEqualTo(amended);

        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("SELECT eventIdentifier, globalIndex FROM domainevententry")
                .query(rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> read = new HashMap<>();
        Map<String, Long> remembered = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            events.forEach(event -> {
                read.put(event.getIdentifier(), StorePosition.of(event));
                remembered.put(event.getIdentifier(), readPositions.of(withoutMetaData(event)));
            });
        }
        assertThat(read).isEqualTo(stored);
        assertThat(remembered).isEqualTo(stored);

        assertThat(progress.awaitPosition(amended, Duration.ofSeconds(30))).isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event a JOIN domainevententry e ON e.eventIdentifier = a.event_id
                        WHERE a.position <> e.globalIndex""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(metaData, 'UTF8') LIKE ?")
                .param("%" + StorePosition.METADATA_KEY + "%").query(Long.class).single()).isZero();
        Api.Response history = api.get("/api/initiatives/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.raw()).contains("InitiativeAdded", "AmountAmended").doesNotContain(StorePosition.METADATA_KEY);
        assertThat(verifier.verify(null).verified()).isTrue();
    }

    @Test
    void anEventCommittedAfterALaterOneIsDeliveredAtItsOwnPosition() throws Exception {
        Api api = new Api(port);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        InitiativeId lateLine = InitiativeId.generate();
        CompletableFuture<Long> late = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long position = commands.add(new AddInitiative(lateLine, FiscalYear.of(YEAR), new Category("2", "分類2"),
                    Department.of("総務部"), "遅れて確定", Money.ofYen(300), "概要",
                    new ChangeContext(LocalDate.of(YEAR, 4, 1), "当初予算", null)), Requester.system("test")).position();
            appended.countDown();
            try {
                assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return position;
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        long early = api.post("/api/initiatives", line(YEAR, "2", "分類2", "総務部", "先に確定", 700)).number("position");
        assertThat(progress.awaitPosition(ProjectionNames.AUDIT_LOG, early, Duration.ofSeconds(30))).isTrue();
        commit.countDown();
        long gap = late.get(60, TimeUnit.SECONDS);
        assertThat(gap).isLessThan(early);

        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(GapAwareTrackingToken.newInstance(early, Set.of(gap)), false)) {
            TrackedEventMessage<?> filling = events.findFirst().orElseThrow();
            assertThat(filling.trackingToken().position()).hasValue(early);
            assertThat(StorePosition.of(filling)).isEqualTo(gap);
            assertThat(readPositions.of(withoutMetaData(filling))).isEqualTo(gap);
        }

        assertThat(awaitRows("SELECT position FROM audit_event WHERE aggregate_id = ?", lateLine)).containsExactly(gap);
        assertThat(awaitRows("SELECT added_position FROM initiative_view WHERE initiative_id = ?", lateLine)).containsExactly(gap);
        assertThat(awaitRows("SELECT DISTINCT line_order FROM line_state WHERE initiative_id = ?", lateLine)).containsExactly(gap);
        assertThat(verifier.verify(null).verified()).isTrue();
    }

    /** The values the query gives for the line, once the read model has recorded it. */
    private List<Long> awaitRows(String sql, InitiativeId line) {
        return Awaitility.await("a read model records the late event: " + sql).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql(sql).param(line.value()).query(Long.class).list(), values -> !values.isEmpty());
    }

    /** The same event (same identifier) without the metadata the store's reader put the position in. */
    private static GenericEventMessage<?> withoutMetaData(EventMessage<?> event) {
        return new GenericEventMessage<>(event.getIdentifier(), event.getPayload(), Map.of(), event.getTimestamp());
    }
}
