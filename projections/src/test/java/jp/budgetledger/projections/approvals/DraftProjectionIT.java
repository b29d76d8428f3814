package jp.budgetledger.projections.approvals;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.projections.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DraftProjectionIT {

    private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");
    private final DraftProjection projection = new DraftProjection(ProjectionDatabase.jdbc(), new ObjectMapper());
    private final DraftQueries queries = new DraftQueries(ProjectionDatabase.jdbc());

    @BeforeEach
    void clean() {
        projection.reset();
        ProjectionDatabase.newEpoch();
    }

    private static TransferFunds transfer(String id) {
        return new TransferFunds(TransferId.of(id), InitiativeId.of("a"), InitiativeId.of("b"), Money.ofYen(100), ChangeContext.of("流用"));
    }

    private void draft(String draft, String transfer, String requester, long position) {
        ChangeDrafted drafted = new ChangeDrafted(DraftId.of(draft), "transfer", transfer(transfer), requester);
        projection.on(drafted, AT, ProjectionDatabase.recorded(drafted, position));
    }

    @Test
    void aDraftIsPendingUntilDecidedAndAnApprovedOneNamesTheTransferItBecame() {
        draft("dr-1", "tr-1", "tanaka", 1);
        draft("dr-2", "tr-2", "sato", 2);
        assertThat(queries.list(DraftView.PENDING, null)).extracting(DraftView::draftId).containsExactly("dr-1", "dr-2");
        assertThat(queries.list(null, "sato")).extracting(DraftView::draftId).containsExactly("dr-2");
        DraftView pending = queries.find("dr-1").orElseThrow();
        assertThat(pending.requester()).isEqualTo("tanaka");
        assertThat(pending.requestedAt()).isEqualTo(AT);
        assertThat(pending.proposalJson()).contains("\"kind\": \"transfer\"", "\"transferId\": \"tr-1\"");
        assertThat(pending.changeIds()).isEmpty();

        Instant decided = AT.plusSeconds(60);
        projection.on(new DraftApproved(DraftId.of("dr-1"), "kacho"), decided);
        FundsTransferred transferred = new FundsTransferred(TransferId.of("tr-1"), FiscalYear.of(2020), InitiativeId.of("a"),
                InitiativeId.of("b"), Money.ofYen(100), ChangeContext.of("流用").withDefaultEffectiveDate(LocalDate.of(2020, 4, 1)));
        projection.on(transferred, "dr-1");
        projection.on(transferred, "dr-1");
        projection.on(transferred, null);
        projection.on(new DraftRejected(DraftId.of("dr-2"), "kacho", "根拠不足"), decided);

        DraftView approved = queries.find("dr-1").orElseThrow();
        assertThat(approved.state()).isEqualTo(DraftView.APPROVED);
        assertThat(approved.approver()).isEqualTo("kacho");
        assertThat(approved.decidedAt()).isEqualTo(decided);
        assertThat(approved.changeIds()).containsExactly("tr-1");
        DraftView rejected = queries.find("dr-2").orElseThrow();
        assertThat(rejected.state()).isEqualTo(DraftView.REJECTED);
        assertThat(rejected.reason()).isEqualTo("根拠不足");
        assertThat(rejected.changeIds()).isEmpty();
        assertThat(queries.list(DraftView.PENDING, null)).isEmpty();
    }
}
