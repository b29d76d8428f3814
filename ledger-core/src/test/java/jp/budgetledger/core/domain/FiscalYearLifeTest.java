package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.CloseFiscalYear;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.FiscalYearSealed;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.SealFiscalYear;
import org.axonframework.messaging.MetaData;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

/** The life of a fiscal year: its close after the 出納整理期間 (or forced), the seal of each close, its approved reopening. */
class FiscalYearLifeTest {

    private static final FiscalYear FY = FiscalYear.of(2024);
    private static final LocalDate SETTLEMENT_END = LocalDate.of(2025, 5, 31);
    private static final LocalDate AFTER = LocalDate.of(2025, 6, 1);
    private static final ChangeContext REASON = ChangeContext.of("決算の確定");
    private static final FiscalYearClosed CLOSED = new FiscalYearClosed(FY, REASON.from(AFTER), false);
    private static final FiscalYearSealed.TreeHead HEAD = new FiscalYearSealed.TreeHead(12, "ab", "2025-06-01T01:00:00Z", "k", "s", 40);
    private static final MetaData APPROVED = MetaData.with(MetadataKeys.APPROVED_BY, "kacho");

    private FixtureConfiguration<FiscalYearLife> fixture;

    private static Matcher<Object> rule(String rule) {
        return new CustomTypeSafeMatcher<>("a violation of rule " + rule) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof LedgerRuleViolation violation && violation.rule().equals(rule);
            }
        };
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FiscalYearLife.class);
    }

    @Test
    void aYearIsClosedOnceItsSettlementPeriodEnded() {
        fixture.givenNoPriorActivity()
                .when(new CloseFiscalYear(FY, REASON, false, AFTER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(CLOSED);
    }

    @Test
    void aCloseWithinTheSettlementPeriodIsRefusedUnlessForced() {
        fixture.givenNoPriorActivity()
                .when(new CloseFiscalYear(FY, REASON, false, SETTLEMENT_END))
                .expectException(FiscalYearLifeException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2025-05-31"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CloseFiscalYear(FY, ChangeContext.of("監査委員の審査のため早期に確定"), true, SETTLEMENT_END))
                .expectEvents(new FiscalYearClosed(FY, ChangeContext.of("監査委員の審査のため早期に確定").from(SETTLEMENT_END), true));
    }

    @Test
    void aForcedCloseAfterTheSettlementPeriodIsAnOrdinaryOne() {
        fixture.givenNoPriorActivity()
                .when(new CloseFiscalYear(FY, REASON, true, AFTER))
                .expectEvents(CLOSED);
    }

    @Test
    void aClosedYearIsNotClosedAgain() {
        fixture.given(CLOSED)
                .when(new CloseFiscalYear(FY, REASON, true, AFTER))
                .expectException(FiscalYearLifeException.class)
                .expectException(rule(FiscalYearLifeException.ALREADY_CLOSED))
                .expectNoEvents();
    }

    @Test
    void aCloseIsSealedOnceWithTheTreeHeadThatIncludesIt() {
        fixture.given(CLOSED)
                .when(new SealFiscalYear(FY, 0, 40, HEAD, ChangeContext.of("確定の封印")))
                .expectResultMessagePayload(1L)
                .expectEvents(new FiscalYearSealed(FY, ChangeContext.of("確定の封印").from(AFTER), 0, 40, HEAD));
        fixture.given(CLOSED, new FiscalYearSealed(FY, REASON.from(AFTER), 0, 40, HEAD))
                .when(new SealFiscalYear(FY, 0, 40, HEAD, ChangeContext.of("確定の封印")))
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }

    @Test
    void aSealOfAnEarlierCloseIsIgnored() {
        fixture.given(CLOSED, new FiscalYearReopened(FY, REASON.from(AFTER)), CLOSED)
                .when(new SealFiscalYear(FY, 0, 40, HEAD, ChangeContext.of("確定の封印")))
                .expectResultMessagePayload(2L)
                .expectNoEvents();
    }

    @Test
    void aClosedYearIsReopenedOnlyFromAnApprovedDraft() {
        ReopenFiscalYear reopen = new ReopenFiscalYear(FY, ChangeContext.of("決算の誤りの訂正"), LocalDate.of(2025, 7, 1));
        fixture.given(CLOSED)
                .when(reopen, APPROVED)
                .expectResultMessagePayload(1L)
                .expectEvents(new FiscalYearReopened(FY, ChangeContext.of("決算の誤りの訂正").from(LocalDate.of(2025, 7, 1))));
        fixture.given(CLOSED)
                .when(reopen)
                .expectException(rule(FiscalYearLifeException.REOPENING_NOT_APPROVED))
                .expectNoEvents();
    }

    @Test
    void anOpenYearIsNotReopened() {
        ReopenFiscalYear reopen = new ReopenFiscalYear(FY, ChangeContext.of("再開"), LocalDate.of(2025, 7, 1));
        fixture.given(CLOSED, new FiscalYearReopened(FY, REASON.from(AFTER)))
                .when(reopen, APPROVED)
                .expectException(rule(FiscalYearLifeException.NOT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void aReopenedYearIsClosedAgain() {
        fixture.given(CLOSED, new FiscalYearReopened(FY, REASON.from(AFTER)))
                .when(new CloseFiscalYear(FY, REASON, false, AFTER))
                .expectResultMessagePayload(2L)
                .expectEvents(CLOSED);
    }
}
