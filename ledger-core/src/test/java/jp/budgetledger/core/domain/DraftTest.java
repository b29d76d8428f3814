package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ApprovalResult;
import jp.budgetledger.core.api.ApproveDraft;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftChange;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.RejectDraft;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.api.TransferResult;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DraftTest {

    private static final DraftId ID = DraftId.of("dr-1");
    private static final FiscalYear YEAR = FiscalYear.of(2215);
    private static final TransferFunds TRANSFER = new TransferFunds(TransferId.of("tr-1"), InitiativeId.of("line-a"),
            InitiativeId.of("line-b"), Money.ofYen(1_000), ChangeContext.of("流用"));
    private static final TransferFunds TOO_MUCH = new TransferFunds(TransferId.of("tr-2"), InitiativeId.of("line-a"),
            InitiativeId.of("line-b"), Money.ofYen(9_999_999), ChangeContext.of("流用"));

    private FixtureConfiguration<Draft> fixture;
    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final List<Object> checked = new ArrayList<>();
    /** What the line-changing handler refuses when the draft's proposal is sent. */
    private RuntimeException refusalAtApproval;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Draft.class);
        ProposalChecks checks = new ProposalChecks().with(TransferFunds.class, transfer -> {
            checked.add(transfer);
            if (transfer.amount().yen() > 1_000_000) {
                throw new NegativeAmountException(Concept.AMOUNT_CHANGE, Money.ofYen(-1));
            }
            return YEAR;
        });
        fixture.registerCommandHandler(TransferFunds.class, message -> {
            if (refusalAtApproval != null) {
                throw refusalAtApproval;
            }
            sent.add(message);
            return new TransferResult(TRANSFER.transferId(), 2, 3);
        });
        fixture.registerAnnotatedCommandHandler(new DraftHandlers(fixture.getRepository(), checks, fixture.getCommandBus()));
    }

    private static ChangeDrafted drafted() {
        return new ChangeDrafted(ID, "transfer", TRANSFER, "tanaka", YEAR);
    }

    @Test
    void draftingChecksTheProposalAndRecordsItWithItsKindRequesterAndFiscalYearWithoutCarryingItOut() {
        fixture.givenNoPriorActivity()
                .when(new DraftChange(ID, TRANSFER, "tanaka"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID)
                .expectEvents(drafted());
        assertThat(checked).containsExactly(TRANSFER);
        assertThat(sent).isEmpty();
    }

    @Test
    void aProposalRefusedByItsCheckRecordsNoDraft() {
        fixture.givenNoPriorActivity()
                .when(new DraftChange(ID, TOO_MUCH, "tanaka"))
                .expectException(NegativeAmountException.class)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void approvingSendsTheProposalAsTheRequestersChangeWithTheApproverAndTheDraftBesideIt() {
        fixture.given(drafted())
                .when(new ApproveDraft(ID, "suzuki"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ApprovalResult(TRANSFER.transferId().value(), new TransferResult(TRANSFER.transferId(), 2, 3)))
                .expectEvents(new DraftApproved(ID, "suzuki"));
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(TRANSFER);
            assertThat(message.getMetaData()).containsEntry(MetadataKeys.ACTOR, "tanaka")
                    .containsEntry(MetadataKeys.APPROVED_BY, "suzuki")
                    .containsEntry(MetadataKeys.DRAFT_ID, ID.value());
        });
    }

    @Test
    void theRequesterMayNotApproveTheirOwnDraft() {
        fixture.given(drafted())
                .when(new ApproveDraft(ID, "tanaka"))
                .expectException(SelfApprovalException.class)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void theRequesterMayNotRejectTheirOwnDraftEither() {
        fixture.given(drafted())
                .when(new RejectDraft(ID, "tanaka", "取り下げ"))
                .expectException(SelfApprovalException.class)
                .expectNoEvents();
    }

    @Test
    void rejectingRecordsTheReasonAndChangesNothing() {
        fixture.given(drafted())
                .when(new RejectDraft(ID, "suzuki", "根拠不足"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DraftRejected(ID, "suzuki", "根拠不足"));
        assertThat(sent).isEmpty();
    }

    @Test
    void anApprovedDraftCannotBeApprovedOrRejectedAgain() {
        fixture.given(drafted(), new DraftApproved(ID, "suzuki"))
                .when(new ApproveDraft(ID, "sato"))
                .expectException(DraftNotPendingException.class)
                .expectExceptionMessage("draft dr-1 is not pending: it was approved")
                .expectNoEvents();
        fixture.given(drafted(), new DraftApproved(ID, "suzuki"))
                .when(new RejectDraft(ID, "sato", "遅い"))
                .expectException(DraftNotPendingException.class)
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void aRejectedDraftCannotBeApproved() {
        fixture.given(drafted(), new DraftRejected(ID, "suzuki", "根拠不足"))
                .when(new ApproveDraft(ID, "sato"))
                .expectException(DraftNotPendingException.class)
                .expectExceptionMessage("draft dr-1 is not pending: it was rejected")
                .expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void aProposalRefusedAtApprovalLeavesTheDraftPending() {
        refusalAtApproval = new NegativeAmountException(Concept.AMOUNT_CHANGE, Money.ofYen(-1));
        fixture.given(drafted())
                .when(new ApproveDraft(ID, "suzuki"))
                .expectException(NegativeAmountException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownDraftIsNamed() {
        fixture.givenNoPriorActivity()
                .when(new ApproveDraft(DraftId.of("dr-none"), "suzuki"))
                .expectException(UnknownDraftException.class)
                .expectNoEvents();
    }
}
