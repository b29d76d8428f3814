package jp.budgetledger.projections.audit;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftEvent;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.LedgerEvent;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.projections.ProjectionDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static jp.budgetledger.projections.Events.added;
import static jp.budgetledger.projections.Events.amended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditLogProjectionIT {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final AuditLogProjection projection = new AuditLogProjection(new JdbcTemplate(ProjectionDatabase.dataSource()));

    @BeforeEach
    void clean() {
        projection.reset();
        ProjectionDatabase.newEpoch();
    }

    private DomainEventMessage<?> recorded(Object event, String line, long sequence, long position) {
        return ProjectionDatabase.recorded(event, line, sequence, Map.of(MetadataKeys.ACTOR, "担当者", MetadataKeys.HASH, "h" + position),
                position);
    }

    private record Logged(long position, String type, String subject, Long before, Long after, String actor) {
    }

    private List<Logged> log() {
        return jdbc.sql("""
                        SELECT position, event_type, subject, amount_before_yen, amount_after_yen, actor
                        FROM audit_event ORDER BY position""")
                .query((rs, i) -> new Logged(rs.getLong(1) - ProjectionDatabase.at(0), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6)))
                .list();
    }

    @Test
    void aBatchGivesEachAmendmentTheSubjectItsLineHadThen() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "スマート自治体推進事業費", 100);
        InitiativeAdded b = added("b", 2020, "2", "出納局", "電子決裁導入", 10);
        projection.on(a, recorded(a, "a", 0, 1));

        List<DomainEventMessage<?>> batch = List.of(
                recorded(amended(a, 100, 200), "a", 1, 2),
                recorded(new InitiativeRevised(a.initiativeId(), a.fiscalYear(), a.department(), a.name(), "改称後の事業",
                        "概要", "概要", a.change()), "a", 2, 3),
                recorded(amended(a, 200, 300), "a", 3, 4),
                recorded(b, "b", 0, 5),
                recorded(amended(b, 10, 20), "b", 1, 6));
        handleInOneBatch(batch);
        handleInOneBatch(batch);

        assertThat(log()).extracting(Logged::position, Logged::type, Logged::subject, Logged::before, Logged::after)
                .containsExactly(
                        tuple(1L, "InitiativeAdded", "スマート自治体推進事業費", null, 100L),
                        tuple(2L, "AmountAmended", "スマート自治体推進事業費", 100L, 200L),
                        tuple(3L, "InitiativeRevised", "改称後の事業", null, null),
                        tuple(4L, "AmountAmended", "改称後の事業", 200L, 300L),
                        tuple(5L, "InitiativeAdded", "電子決裁導入", null, 10L),
                        tuple(6L, "AmountAmended", "電子決裁導入", 10L, 20L));
        assertThat(log()).extracting(Logged::actor).containsOnly("担当者");
    }

    @Test
    void everyEventOfAClassifiedLineCarriesItsLatestSubjectPath() {
        Subject ippan = Subject.of(SubjectLevel.of("2", "総務費"), SubjectLevel.of("1", "総務管理費"), SubjectLevel.of("1", "一般管理費"));
        Classification classification = new Classification(SubjectLevel.of("1", "一般会計"), Side.EXPENDITURE, ippan, null);
        InitiativeAdded plain = added("a", 2020, "1", "総務課", "一般管理", 100);
        InitiativeAdded a = new InitiativeAdded(plain.initiativeId(), plain.fiscalYear(), null, plain.department(), plain.name(),
                plain.amount(), null, plain.change(), classification);
        InitiativeAdded b = added("b", 2020, "2", "出納局", "電子決裁導入", 10);
        projection.on(a, recorded(a, "a", 0, 1));
        projection.on(b, recorded(b, "b", 0, 2));
        Classification moved = classification.withSubject(Subject.of(ippan.kan(), ippan.kou(), SubjectLevel.of("2", "文書広報費")));

        handleInOneBatch(List.of(
                recorded(amended(a, 100, 200), "a", 1, 3),
                recorded(amended(b, 10, 20), "b", 1, 4),
                recorded(new InitiativeReassigned(a.initiativeId(), a.fiscalYear(), a.department(), a.department(), null, null,
                        Money.ofYen(200), a.change(), classification, moved), "a", 2, 5),
                recorded(amended(a, 200, 300), "a", 3, 6)));
        projection.on(amended(a, 300, 400), recorded(amended(a, 300, 400), "a", 4, 7));

        assertThat(jdbc.sql("SELECT subject_path FROM audit_event ORDER BY position").query(String.class).list()).containsExactly(
                "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 1 一般管理費", null,
                "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 1 一般管理費", null,
                "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 2 文書広報費",
                "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 2 文書広報費",
                "1 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 2 文書広報費");
    }

    @Test
    void aDraftsEventsAreLoggedWithTheirKindAndTheFiscalYearOfTheirSourceLineAndTheApprovedChangeCarriesTheApproverBesideTheActor() {
        InitiativeAdded a = added("a", 2020, "1", "総務部", "流用元", 1_000);
        projection.on(a, recorded(a, "a", 0, 1));
        DraftId draft = DraftId.of("dr-1");
        TransferFunds transfer = new TransferFunds(TransferId.of("tr-1"), a.initiativeId(), InitiativeId.of("b"), Money.ofYen(100),
                new ChangeContext(null, "流用（起案）", "起案第7号"));
        ChangeDrafted drafted = new ChangeDrafted(draft, "transfer", transfer, "tanaka");
        projection.on(drafted, ProjectionDatabase.recorded(drafted, "dr-1", 0, Map.of(MetadataKeys.ACTOR, "tanaka"), 2));
        DraftApproved approval = new DraftApproved(draft, "kacho");
        projection.on(approval, ProjectionDatabase.recorded(approval, "dr-1", 1, Map.of(MetadataKeys.ACTOR, "kacho"), 3));
        AmountAmended change = amended(a, 1_000, 900);
        projection.on(change, ProjectionDatabase.recorded(change, "a", 1, Map.of(MetadataKeys.ACTOR, "tanaka",
                MetadataKeys.APPROVED_BY, "kacho", MetadataKeys.DRAFT_ID, "dr-1"), 4));
        DraftRejected rejection = new DraftRejected(DraftId.of("dr-2"), "kacho", "根拠不足");
        projection.on(rejection, ProjectionDatabase.recorded(rejection, "dr-2", 1, Map.of(MetadataKeys.ACTOR, "kacho"), 5));

        record Row(String type, Integer fiscalYear, String subject, String actor, String approvedBy, String draftId, String reason,
                   String reference) {
        }
        assertThat(jdbc.sql("SELECT event_type, fiscal_year, subject, actor, approved_by, draft_id, reason, reference "
                        + "FROM audit_event WHERE position > ? ORDER BY position").param(ProjectionDatabase.at(1))
                .query((rs, i) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8))).list())
                .containsExactly(
                        new Row("ChangeDrafted", 2020, "transfer", "tanaka", null, "dr-1", "流用（起案）", "起案第7号"),
                        new Row("DraftApproved", 2020, null, "kacho", null, "dr-1", null, null),
                        new Row("AmountAmended", 2020, "流用元", "tanaka", "kacho", "dr-1", "補正", null),
                        new Row("DraftRejected", null, null, "kacho", null, "dr-2", "根拠不足", null));
        assertThat(new AuditLogQueries(jdbc).ofAggregate("a")).last().satisfies(e -> {
            assertThat(e.approvedBy()).isEqualTo("kacho");
            assertThat(e.draftId()).isEqualTo("dr-1");
        });
    }

    @Test
    void aDraftRecordedInTheSameBatchAsItsSourceLineTakesTheLinesFiscalYearAndItsRejectionTheDrafts() {
        InitiativeAdded line = added("same-batch", 2019, "1", "総務部", "同じ処理単位", 1_000);
        TransferFunds transfer = new TransferFunds(TransferId.of("tr-9"), line.initiativeId(), InitiativeId.of("other"), Money.ofYen(10),
                new ChangeContext(null, "流用（起案）", null));
        ChangeDrafted drafted = new ChangeDrafted(DraftId.of("dr-9"), "transfer", transfer, "tanaka");
        DraftRejected rejected = new DraftRejected(DraftId.of("dr-9"), "kacho", "不要");
        handleInOneBatch(List.of(recorded(line, "same-batch", 0, 1),
                ProjectionDatabase.recorded(drafted, "dr-9", 0, Map.of(MetadataKeys.ACTOR, "tanaka"), 2),
                ProjectionDatabase.recorded(rejected, "dr-9", 1, Map.of(MetadataKeys.ACTOR, "kacho"), 3)));
        assertThat(jdbc.sql("SELECT fiscal_year FROM audit_event WHERE aggregate_id = 'dr-9' ORDER BY position").query(Integer.class).list())
                .containsExactly(2019, 2019);
    }

    private void handleInOneBatch(List<DomainEventMessage<?>> messages) {
        int logged = log().size();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(messages.get(0).getPayload()));
        for (DomainEventMessage<?> message : messages) {
            if (message.getPayload() instanceof DraftEvent draftEvent) {
                projection.on(draftEvent, message);
            } else {
                projection.on((LedgerEvent) message.getPayload(), message);
            }
        }
        assertThat(log()).as("nothing is written before the batch commits").hasSize(logged);
        unitOfWork.commit();
    }
}
