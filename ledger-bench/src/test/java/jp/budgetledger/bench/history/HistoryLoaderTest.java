package jp.budgetledger.bench.history;

import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.domain.DuplicateInitiativeException;
import jp.budgetledger.core.domain.EffectiveDateBeforeLineException;
import jp.budgetledger.core.domain.EffectiveDateOutsideFiscalYearException;
import jp.budgetledger.core.domain.InitiativeKey;
import jp.budgetledger.core.domain.InMemorySubjectTable;
import jp.budgetledger.core.domain.InitiativeRegistry;
import jp.budgetledger.core.domain.NegativeAmountException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader's events are those the {@code Initiative} aggregate applies, under its rules. */
class HistoryLoaderTest {

    private static final FiscalYear YEAR = FiscalYear.of(2005);
    private static final MetaData META = MetaData.with(MetadataKeys.ACTOR, "bench");

    /** Claims of the uniqueness registry, in memory; adding lines and amending them never releases a key. */
    private static class Keys implements InitiativeRegistry {
        private final Map<InitiativeKey, InitiativeId> held = new HashMap<>();

        @Override
        public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
            return Optional.ofNullable(held.putIfAbsent(key, id));
        }

        @Override
        public void release(InitiativeKey key, InitiativeId id) {
            throw new AssertionError("a past line's addition or amendment released " + key);
        }
    }

    private static HistoryLoader.PastLine line(String id, Money amount, LocalDate from, HistoryLoader.PastChange... changes) {
        return new HistoryLoader.PastLine(InitiativeId.of(id), YEAR, new Category("1", "分類1"), Department.of("総務部"), "事業" + id, null,
                amount, new ChangeContext(from, "当初予算", null), List.of(changes));
    }

    private static List<DomainEventMessage<?>> events(HistoryLoader.PastLine line, InitiativeRegistry registry, MetaData metaData) {
        InMemorySubjectTable subjects = new InMemorySubjectTable();
        return HistoryLoader.events(line, registry, subjects, HistoryLoader.model(registry, subjects), metaData);
    }

    private static HistoryLoader.PastChange change(LocalDate day, long delta) {
        return new HistoryLoader.PastChange(day, Money.ofYen(delta), "補正", "議案第1号");
    }

    @Test
    void aLineBecomesItsAdditionAndOneAmendmentPerChangeInSequence() {
        LocalDate march = LocalDate.of(2005, 3, 20);
        List<DomainEventMessage<?>> events = events(line("a", Money.ofYen(1_000), march,
                change(LocalDate.of(2005, 6, 1), 500), change(LocalDate.of(2005, 9, 1), -1_200)), new Keys(), META);

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Initiative");
            assertThat(event.getAggregateIdentifier()).isEqualTo("a");
            assertThat(event.getMetaData()).containsEntry(MetadataKeys.ACTOR, "bench");
        });
        InitiativeAdded added = (InitiativeAdded) events.get(0).getPayload();
        assertThat(added.amount()).isEqualTo(Money.ofYen(1_000));
        assertThat(added.change().effectiveDate()).as("an initial budget resolved in the March before its year").isEqualTo(march);
        AmountAmended last = (AmountAmended) events.get(2).getPayload();
        assertThat(last.amountBefore()).isEqualTo(Money.ofYen(1_500));
        assertThat(last.amountAfter()).isEqualTo(Money.ofYen(300));
        assertThat(last.change()).isEqualTo(new ChangeContext(LocalDate.of(2005, 9, 1), "補正", "議案第1号"));
        assertThat(last.cause()).isNull();
    }

    @Test
    void theAggregatesRulesRejectWhatACommandCouldNotRecord() {
        LocalDate april = YEAR.firstDay();
        assertThatThrownBy(() -> events(line("n", Money.ofYen(-1), april), new Keys(), META))
                .isInstanceOf(NegativeAmountException.class);
        assertThatThrownBy(() -> events(line("f", Money.ofYen(1), LocalDate.of(2005, 2, 28)), new Keys(), META))
                .isInstanceOf(EffectiveDateOutsideFiscalYearException.class);
        assertThatThrownBy(() -> events(line("b", Money.ofYen(1), april.plusDays(10), change(april.plusDays(5), 1)), new Keys(), META))
                .isInstanceOf(EffectiveDateBeforeLineException.class);
        assertThatThrownBy(() -> events(line("o", Money.ofYen(1), april, change(YEAR.lastDay().plusDays(1), 1)), new Keys(), META))
                .isInstanceOf(EffectiveDateOutsideFiscalYearException.class);
        assertThatThrownBy(() -> events(line("z", Money.ofYen(10), april, change(april.plusDays(30), -5),
                change(april.plusDays(10), -6)), new Keys(), META))
                .as("a backdated decrease that would make a past day negative").isInstanceOf(NegativeAmountException.class);
    }

    @Test
    void aLineWhoseKeyIsHeldIsRefused() {
        Keys keys = new Keys();
        events(line("first", Money.ofYen(1), YEAR.firstDay()), keys, META);
        HistoryLoader.PastLine same = new HistoryLoader.PastLine(InitiativeId.of("second"), YEAR, new Category("1", "分類1"),
                Department.of("総務部"), "事業first", null, Money.ofYen(1), ChangeContext.of("当初予算"), List.of());

        assertThatThrownBy(() -> events(same, keys, META)).isInstanceOf(DuplicateInitiativeException.class);
    }

    @Test
    void aBatchsKeysClaimedTogetherAnswerTheAggregateAsClaimsOneAfterTheOther() {
        List<InitiativeKey> claimed = new ArrayList<>();
        Keys keys = new Keys() {
            @Override
            public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
                claimed.add(key);
                return super.claim(key, id);
            }
        };
        HistoryLoader.PastLine first = line("first", Money.ofYen(1), YEAR.firstDay());
        HistoryLoader.PastLine other = line("other", Money.ofYen(1), YEAR.firstDay());
        HistoryLoader.PastLine same = new HistoryLoader.PastLine(InitiativeId.of("second"), YEAR, new Category("1", "分類1"),
                Department.of("総務部"), "事業first", null, Money.ofYen(1), ChangeContext.of("当初予算"), List.of());
        InitiativeRegistry batch = HistoryLoader.ClaimedRegistry.claimingAll(keys, List.of(first, other, same));
        assertThat(claimed).as("each line's key claimed once, before any line runs").hasSize(3);

        assertThat(events(first, batch, META)).hasSize(1);
        assertThat(events(other, batch, META)).hasSize(1);
        assertThatThrownBy(() -> events(same, batch, META)).isInstanceOfSatisfying(DuplicateInitiativeException.class,
                e -> assertThat(e.existingId()).isEqualTo(InitiativeId.of("first")));
        assertThat(claimed).as("the aggregate's claims answered from the batch's").hasSize(3);
        assertThat(events(line("late", Money.ofYen(1), YEAR.firstDay()), batch, META)).as("a key outside the batch claimed as usual")
                .hasSize(1);
        assertThat(claimed).hasSize(4);
    }
}
