package jp.budgetledger.projections.initiatives;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.projections.ProjectionDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.amended;
import static org.assertj.core.api.Assertions.assertThat;

class InitiativeListProjectionIT {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final InitiativeListProjection projection = new InitiativeListProjection(new JdbcTemplate(ProjectionDatabase.dataSource()));
    private final InitiativeQueries queries = new InitiativeQueries(jdbc);
    private final Instant t0 = Instant.parse("2020-04-01T00:00:00Z");

    @BeforeEach
    void clean() {
        projection.reset();
        ProjectionDatabase.newEpoch();
    }

    private void add(InitiativeAdded event, long position) {
        projection.on(event, 0, t0, ProjectionDatabase.recorded(event, position));
    }

    @Test
    void aLineShowsItsCurrentAmountAndVersion() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "スマート自治体推進事業費", 37_786_000);
        add(a, 10);
        projection.on(amended(a, 37_786_000, 40_000_000), 1, t0.plusSeconds(60));

        InitiativeView view = queries.find("a").orElseThrow();
        assertThat(view.amountYen()).isEqualTo(40_000_000);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.name()).isEqualTo("スマート自治体推進事業費");
        assertThat(view.addedAt()).isEqualTo(t0);
        assertThat(view.updatedAt()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void aClassifiedLineShowsItsAccountSideAndSubjectAndMayHaveNoCategory() {
        Subject ippan = Subject.of(SubjectLevel.of("2", "総務費"), SubjectLevel.of("1", "総務管理費"), SubjectLevel.of("1", "一般管理費"));
        Classification classification = new Classification(SubjectLevel.of(null, "一般会計"), Side.REVENUE, ippan, "0101");
        InitiativeAdded a = new InitiativeAdded(InitiativeId.of("a"), FiscalYear.of(2020), null, Department.of("総務課"), "一般管理費",
                Money.ofYen(1_000), null, ChangeContext.of("当初予算").withDefaultEffectiveDate(FiscalYear.of(2020).firstDay()), classification);
        add(a, 1);
        add(added("b", 2020, "1", "総務部", "B", 2), 2);

        InitiativeView view = queries.find("a").orElseThrow();
        assertThat(view.categoryCode()).isNull();
        assertThat(view.accountCode()).isNull();
        assertThat(view.accountName()).isEqualTo("一般会計");
        assertThat(view.side()).isEqualTo(Side.REVENUE);
        assertThat(view.subject()).isEqualTo(ippan);
        assertThat(view.departmentCode()).isEqualTo("0101");
        InitiativeView unclassified = queries.find("b").orElseThrow();
        assertThat(List.of(Optional.ofNullable(unclassified.accountName()), Optional.ofNullable(unclassified.side()),
                Optional.ofNullable(unclassified.subject()), Optional.ofNullable(unclassified.departmentCode()))).containsOnly(Optional.empty());

        Subject setsu = new Subject(ippan.kan(), ippan.kou(), SubjectLevel.of("2", "文書広報費"), null, SubjectLevel.of("1", "報酬"), null);
        projection.on(new InitiativeReassigned(a.initiativeId(), a.fiscalYear(), a.department(), a.department(), null, null, a.amount(),
                a.change(), classification, classification.withSubject(setsu)), 1, t0.plusSeconds(60));
        assertThat(queries.find("a").orElseThrow().subject()).isEqualTo(setsu);
        assertThat(queries.list(2020, null, null)).extracting(InitiativeView::id).containsExactly("b", "a");
    }

    @Test
    void replayingAnOlderEventDoesNotOverwriteNewerState() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "A", 100);
        var recorded = ProjectionDatabase.recorded(a, 1);
        projection.on(a, 0, t0, recorded);
        projection.on(amended(a, 100, 300), 2, t0);
        projection.on(amended(a, 100, 200), 1, t0);
        projection.on(a, 0, t0, recorded);
        assertThat(queries.find("a").orElseThrow().amountYen()).isEqualTo(300);
    }

    @Test
    void listsFilterByYearDepartmentAndCategoryInDocumentOrder() {
        add(added("b", 2020, "1", "出納局", "B", 2), 2);
        add(added("a", 2020, "1", "総務部", "A", 1), 1);
        add(added("c", 2020, "2", "総務部", "C", 3), 3);
        add(added("d", 2021, "1", "総務部", "D", 4), 4);

        assertThat(queries.list(2020, null, null)).extracting(InitiativeView::id).containsExactly("a", "b", "c");
        assertThat(queries.list(2020, "総務部", null)).extracting(InitiativeView::id).containsExactly("a", "c");
        assertThat(queries.list(2020, null, "2")).extracting(InitiativeView::id).containsExactly("c");
        assertThat(queries.list(null, null, null)).hasSize(4);
        assertThat(queries.find("zzz")).isEmpty();
    }

    @Test
    void aProcessingBatchIsWrittenWhenItCommitsInTheOrderOfItsEvents() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "A", 100);
        var recorded = ProjectionDatabase.recorded(a, 1);
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(a));
        projection.on(a, 0, t0, recorded);
        projection.on(amended(a, 100, 200), 1, t0.plusSeconds(1));
        projection.on(new InitiativeRevised(a.initiativeId(), a.fiscalYear(), a.department(), "A", "A改", "概要", "概要",
                a.change()), 2, t0.plusSeconds(2));
        projection.on(amended(a, 200, 300), 3, t0.plusSeconds(3));
        assertThat(queries.find("a")).as("nothing is written before the batch commits").isEmpty();

        batch.commit();

        InitiativeView view = queries.find("a").orElseThrow();
        assertThat(view.amountYen()).isEqualTo(300);
        assertThat(view.name()).isEqualTo("A改");
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.updatedAt()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    void theAmendmentsOfABatchLeaveEachLineAtItsNewest() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "A", 100);
        InitiativeAdded b = added("b", 2020, "1", "総務部", "B", 10);
        add(a, 1);
        add(b, 2);
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(a));
        projection.on(amended(a, 100, 200), 1, t0.plusSeconds(1));
        projection.on(amended(b, 10, 20), 1, t0.plusSeconds(2));
        projection.on(amended(a, 200, 300), 2, t0.plusSeconds(3));
        projection.on(amended(a, 100, 200), 1, t0.plusSeconds(1));
        batch.commit();

        assertThat(queries.find("a").orElseThrow()).extracting(InitiativeView::amountYen, InitiativeView::version)
                .containsExactly(300L, 2L);
        assertThat(queries.find("a").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(3));
        assertThat(queries.find("b").orElseThrow()).extracting(InitiativeView::amountYen, InitiativeView::version)
                .containsExactly(20L, 1L);
    }
}
