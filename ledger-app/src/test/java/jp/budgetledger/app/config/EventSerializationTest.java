package jp.budgetledger.app.config;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.ChangeCause;
import jp.budgetledger.core.api.ChangeDrafted;
import jp.budgetledger.core.api.DraftApproved;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.DraftRejected;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.BarredSetsu;
import jp.budgetledger.core.api.FundsTransferred;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.UseReserveFund;
import jp.budgetledger.core.api.ReserveFundUseId;
import jp.budgetledger.core.api.ReserveFundUsed;
import jp.budgetledger.core.api.SetsuBarred;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;
import jp.budgetledger.core.api.TransferClauseRegistered;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeRevised;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.api.DocumentId;
import jp.budgetledger.core.api.DocumentInfo;
import jp.budgetledger.core.api.DocumentLine;
import jp.budgetledger.core.api.DocumentSection;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event (and the tokens Axon stores) survives a round trip through the serializer the event store uses. */
class EventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(LedgerJson.storageMapper())
            .build();

    private static final InitiativeId ID = InitiativeId.of("7abdbb8a-3edd-4709-b494-4bf6778d25b8");
    private static final List<jp.budgetledger.core.api.SupplementaryItem> BILL_ITEMS = List.of(
            jp.budgetledger.core.api.SupplementaryItem.change(ID, Money.ofYen(-500)),
            jp.budgetledger.core.api.SupplementaryItem.create(InitiativeId.of("new"), new jp.budgetledger.core.api.SupplementaryItem.NewLine(
                    null, Department.of("財政課"), "繰越金", null, Money.ofYen(500), new jp.budgetledger.core.api.Classification(
                    jp.budgetledger.core.api.SubjectLevel.of("1", "一般会計"), jp.budgetledger.core.api.Side.REVENUE,
                    jp.budgetledger.core.api.Subject.of(jp.budgetledger.core.api.SubjectLevel.of("9", "繰越金"),
                            jp.budgetledger.core.api.SubjectLevel.of("1", "繰越金"), jp.budgetledger.core.api.SubjectLevel.of("1", "繰越金")),
                    null))),
            jp.budgetledger.core.api.SupplementaryItem.change(InitiativeId.of("limited"), Money.ofYen(100))
                    .withCarryoverLimit(Money.ofYen(50)));
    private static final List<Object> SAMPLES = List.of(
            new InitiativeAdded(ID, FiscalYear.of(2020), new Category("1", "スマート自治体の推進"), Department.of("総務部"),
                    "スマート自治体推進事業費", Money.ofYen(37_786_000), "AI-OCRの活用",
                    new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", "議案第1号")),
            new InitiativeAdded(ID, FiscalYear.of(2020), new Category("1", "スマート自治体の推進"), Department.of("総務部"),
                    "要約なし", Money.ofYen(Long.MAX_VALUE), null, new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", null)),
            new AmountAmended(ID, FiscalYear.of(2020), new Category("1", "スマート自治体の推進"), Department.of("総務部"),
                    Money.ofYen(37_786_000), Money.ofYen(36_000_000), new ChangeContext(LocalDate.of(2020, 9, 30), "9月補正", "議案第49号")),
            new BudgetDocumentImported(DocumentId.of(FiscalYear.of(2020), "ab".repeat(32)), FiscalYear.of(2020),
                    new DocumentInfo("スマート自治体関連事業一覧表", "別紙3", "千円", "ab".repeat(32)),
                    List.of(new DocumentSection("1", "スマート改革の推進", List.of("(注)公文書管理条例への対応"))),
                    List.of(new DocumentLine(ID, "1", 12, false), new DocumentLine(InitiativeId.of("other"), "1", 13, true)),
                    new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", "別紙3 SHA-256:" + "ab".repeat(32))),
            new AmountAmended(ID, FiscalYear.of(2020), new Category("1", "スマート自治体の推進"), Department.of("総務部"),
                    Money.ofYen(36_000_000), Money.ofYen(35_000_000), new ChangeContext(LocalDate.of(2020, 11, 1), "流用", null),
                    ChangeCause.transfer("tr-1")),
            new InitiativeWithdrawn(ID, FiscalYear.of(2020), new Category("1", "スマート自治体の推進"), Department.of("総務部"),
                    Money.ofYen(35_000_000), jp.budgetledger.core.api.WithdrawalKind.MERGED, InitiativeId.of("other"),
                    new ChangeContext(LocalDate.of(2021, 1, 1), "統合", "議案第60号")),
            new InitiativeRevised(ID, FiscalYear.of(2020), Department.of("総務部"), "旧", "新", null, "概要",
                    new ChangeContext(LocalDate.of(2020, 4, 1), "名称変更", null)),
            new InitiativeReassigned(ID, FiscalYear.of(2020), Department.of("総務部"), Department.of("デジタル推進局"),
                    new Category("1", "スマート自治体の推進"), new Category("2", "モバイルワーク"), Money.ofYen(1_000),
                    new ChangeContext(LocalDate.of(2020, 10, 1), "組織改正", null)),
            new FundsTransferred(TransferId.of("tr-1"), FiscalYear.of(2020), ID, InitiativeId.of("other"), Money.ofYen(1_000_000),
                    new ChangeContext(LocalDate.of(2020, 11, 1), "流用", null)),
            new FundsTransferred(TransferId.of("tr-2"), FiscalYear.of(2020), ID, InitiativeId.of("other"), Money.ofYen(1_000),
                    new ChangeContext(LocalDate.of(2020, 11, 1), "流用", null), "kou", "第5条"),
            new ReserveFundUsed(ReserveFundUseId.of("rf-1"), FiscalYear.of(2020), ID, InitiativeId.of("other"), Money.ofYen(2_000),
                    new ChangeContext(LocalDate.of(2020, 8, 1), "予備費充用", "財第12号")),
            new jp.budgetledger.core.api.CarryoverLimitSet(ID, FiscalYear.of(2020), Money.ofYen(5_000), null, null,
                    new ChangeContext(LocalDate.of(2020, 4, 1), "第2表 繰越明許費", null)),
            new jp.budgetledger.core.api.AmountCarriedOver(jp.budgetledger.core.api.CarryoverId.of("co-1"),
                    jp.budgetledger.core.api.CarryoverKind.EXPLICIT, ID, FiscalYear.of(2020), InitiativeId.of("next"), Money.ofYen(3_000),
                    new jp.budgetledger.core.api.CarryoverFunding(Money.ZERO, Money.ofYen(1_000), Money.ZERO, Money.ZERO, Money.ofYen(2_000)),
                    Money.ofYen(5_000), null, LocalDate.of(2021, 3, 20), new ChangeContext(LocalDate.of(2021, 3, 31), "繰越", "報告第3号")),
            new jp.budgetledger.core.api.FiscalYearClosed(FiscalYear.of(2020), new ChangeContext(LocalDate.of(2021, 6, 1), "決算確定", null), false),
            new jp.budgetledger.core.api.FiscalYearSealed(FiscalYear.of(2020), new ChangeContext(LocalDate.of(2021, 6, 1), "決算確定", null), 0, 42,
                    new jp.budgetledger.core.api.FiscalYearSealed.TreeHead(43, "ab".repeat(32), "2021-06-01T00:00:00Z", "key-1", "c2lnbmF0dXJl", 42)),
            new jp.budgetledger.core.api.FiscalYearReopened(FiscalYear.of(2020), new ChangeContext(LocalDate.of(2021, 7, 1), "決算の訂正", "監査第2号")),
            new TransferClauseRegistered("provisions-2020", FiscalYear.of(2020), SubjectLevel.of("1", "一般会計"),
                    new TransferClause("第5条", "給料、職員手当等及び共済費の各項の間の流用", SubjectLevel.of("2", "総務費"), null,
                            List.of(SubjectLevel.of("2", "給料"), SubjectLevel.of("3", "職員手当等"))),
                    new ChangeContext(LocalDate.of(2020, 4, 1), "予算総則", null)),
            new TransferClauseRegistered("provisions-2020", FiscalYear.of(2020), SubjectLevel.of(null, "一般会計"),
                    new TransferClause("第6条", "項の間の流用", SubjectLevel.of("2", "総務費"),
                            List.of(SubjectLevel.of("1", "総務管理費"), SubjectLevel.of("2", "徴税費")), null),
                    new ChangeContext(LocalDate.of(2020, 4, 1), "予算総則", null)),
            new SetsuBarred("provisions-2020", FiscalYear.of(2020), SubjectLevel.of("1", "一般会計"),
                    new BarredSetsu(SubjectLevel.of("9", "交際費"), "交際費は流用により増額しない"),
                    new ChangeContext(LocalDate.of(2020, 4, 1), "交際費は流用により増額しない", null)),
            new SupplementaryBudgetEnacted(SupplementaryBudgetId.of("sb-1"), FiscalYear.of(2020), "9月補正（2次分）", "議案第49号",
                    LocalDate.of(2020, 9, 30), List.of(new SupplementaryBudgetEnacted.Item(ID, Money.ofYen(500), false),
                    new SupplementaryBudgetEnacted.Item(InitiativeId.of("new"), Money.ofYen(2_000), true)),
                    new ChangeContext(LocalDate.of(2020, 9, 30), "9月補正（2次分）", "議案第49号")),
            new ChangeDrafted(DraftId.of("dr-1"), "transfer", new TransferFunds(TransferId.of("tr-2"), ID, InitiativeId.of("other"),
                    Money.ofYen(1_000), new ChangeContext(LocalDate.of(2020, 11, 1), "流用", "起案第7号", true)), "tanaka"),
            new ChangeDrafted(DraftId.of("dr-2"), "transfer", new TransferFunds(TransferId.of("tr-3"), ID, InitiativeId.of("other"),
                    Money.ofYen(1), ChangeContext.of("流用")), "tanaka"),
            new ChangeDrafted(DraftId.of("dr-3"), "transfer", new TransferFunds(TransferId.of("tr-4"), ID, InitiativeId.of("other"),
                    Money.ofYen(2), ChangeContext.of("流用")), "tanaka", FiscalYear.of(2020)),
            new DraftApproved(DraftId.of("dr-1"), "kacho"),
            new DraftRejected(DraftId.of("dr-2"), "kacho", "根拠不足"),
            new jp.budgetledger.core.api.SupplementaryBudgetSubmitted(SupplementaryBudgetId.of("sb-2"), FiscalYear.of(2020), "9月補正",
                    "議案第50号", "第50号", "1", 2, "令和2年度一般会計補正予算（第2号）", LocalDate.of(2020, 9, 1), BILL_ITEMS,
                    new ChangeContext(LocalDate.of(2020, 9, 1), "9月補正", "議案第50号", true)),
            new jp.budgetledger.core.api.SupplementaryBudgetResolved(SupplementaryBudgetId.of("sb-2"), FiscalYear.of(2020),
                    jp.budgetledger.core.api.ResolutionOutcome.AMENDED, LocalDate.of(2020, 9, 25), BILL_ITEMS.subList(0, 1),
                    new ChangeContext(LocalDate.of(2020, 9, 25), "9月補正", "議案第50号")),
            new SupplementaryBudgetEnacted(SupplementaryBudgetId.of("sb-3"), FiscalYear.of(2020), "専決", null, LocalDate.of(2020, 5, 1),
                    List.of(new SupplementaryBudgetEnacted.Item(ID, Money.ofYen(500), false)), new ChangeContext(LocalDate.of(2020, 5, 1), "専決", null),
                    jp.budgetledger.core.api.BillProcedure.SENKETSU, null, 1, "令和2年度補正予算（第1号）", "専決第1号"),
            new jp.budgetledger.core.api.SenketsuReportedToAssembly(SupplementaryBudgetId.of("sb-3"), FiscalYear.of(2020),
                    jp.budgetledger.core.api.AssemblyReportOutcome.DISAPPROVED, LocalDate.of(2020, 6, 20),
                    new ChangeContext(LocalDate.of(2020, 6, 20), "専決処分の不承認", null)),
            new jp.budgetledger.core.api.DebtCommitmentSet(jp.budgetledger.core.api.DebtCommitmentId.of("dc-1"), FiscalYear.of(2020),
                    "学校給食センター運営委託", jp.budgetledger.core.api.SubjectLevel.of("1", "一般会計"), Department.of("教育委員会"),
                    FiscalYear.of(2021), FiscalYear.of(2025), jp.budgetledger.core.api.DebtLimit.of(Money.ofYen(120_000_000), null), null,
                    new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算", "議案第10号")),
            new jp.budgetledger.core.api.DebtCommitmentAmended(jp.budgetledger.core.api.DebtCommitmentId.of("dc-1"), FiscalYear.of(2020), "sb-1",
                    jp.budgetledger.core.api.DebtLimit.of(Money.ofYen(120_000_000), null),
                    jp.budgetledger.core.api.DebtLimit.of(null, "1億5,000万円に消費税及び地方消費税の額を加えた額"), FiscalYear.of(2025),
                    FiscalYear.of(2026), new ChangeContext(LocalDate.of(2020, 9, 30), "9月補正", null)),
            new jp.budgetledger.core.api.DebtCommitmentAbolished(jp.budgetledger.core.api.DebtCommitmentId.of("dc-1"), FiscalYear.of(2020), "sb-1",
                    new ChangeContext(LocalDate.of(2020, 9, 30), "廃止", null)),
            new InitiativeAdded(ID, FiscalYear.of(2021), null, Department.of("教育総務課"), "第一小学校改築事業", Money.ofYen(300_000), null,
                    new ChangeContext(LocalDate.of(2021, 4, 1), "継続費", null), BILL_ITEMS.get(1).newLine().classification(),
                    jp.budgetledger.core.api.ContinuingExpenseId.of("ce-1")),
            new jp.budgetledger.core.api.ContinuingExpenseRegistered(jp.budgetledger.core.api.ContinuingExpenseId.of("ce-1"), FiscalYear.of(2020),
                    "第一小学校改築事業", Department.of("教育総務課"), null, BILL_ITEMS.get(1).newLine().classification(), Money.ofYen(400_000),
                    List.of(new jp.budgetledger.core.api.AnnualShare(FiscalYear.of(2020), Money.ofYen(100_000), InitiativeId.of("l-1")),
                            new jp.budgetledger.core.api.AnnualShare(FiscalYear.of(2021), Money.ofYen(300_000), ID)),
                    "sb-1", new ChangeContext(LocalDate.of(2020, 4, 1), "当初予算 第2表 継続費", "議案第1号")),
            new jp.budgetledger.core.api.ContinuingExpenseCarriedForward(jp.budgetledger.core.api.ContinuingExpenseId.of("ce-1"),
                    FiscalYear.of(2020), FiscalYear.of(2021), Money.ofYen(50_000), InitiativeId.of("l-1"), ID,
                    new ChangeContext(LocalDate.of(2021, 3, 31), "逓次繰越", null)));

    @Test
    void everyEventRoundTripsThroughTheStorageSerializer() {
        for (Object event : SAMPLES) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            assertThat(serialized.getType().getRevision()).as(event.getClass().getSimpleName())
                    .isEqualTo(event.getClass().getAnnotation(org.axonframework.serialization.Revision.class).value());
            Object back = serializer.deserialize(serialized);
            assertThat(back).isEqualTo(event);
        }
    }

    @Test
    void aLineThatHoldsNoShareOfAContinuingExpenseStoresNoContinuingExpenseId() {
        assertThat(new String(serializer.serialize(SAMPLES.get(0), byte[].class).getData(), StandardCharsets.UTF_8))
                .doesNotContain("continuingExpenseId");
    }

    @Test
    void aDraftKeepsItsProposalWholeWithTheProposalsKind() {
        Object drafted = SAMPLES.stream().filter(ChangeDrafted.class::isInstance).findFirst().orElseThrow();
        String json = new String(serializer.serialize(drafted, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"proposal\":{\"kind\":\"transfer\",\"transferId\":\"tr-2\"", "\"amount\":1000",
                "\"effectiveDate\":\"2020-11-01\"", "\"partOfSet\":true", "\"requester\":\"tanaka\"");
    }

    @Test
    void aTransferRecordedBeforeLevelsReadsWithoutLevelOrClause() {
        String json = new String(serializer.serialize(SAMPLES.get(8), byte[].class).getData(), StandardCharsets.UTF_8)
                .replace(",\"level\":null", "").replace(",\"clause\":null", "");
        assertThat(json).doesNotContain("level", "clause");
        Object back = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, FundsTransferred.class.getName(), "1"));
        assertThat(back).isEqualTo(SAMPLES.get(8));
        assertThat(((FundsTransferred) back).level()).isNull();
    }

    @Test
    void aDraftRecordedBeforeDraftsNamedTheirFiscalYearReadsWithoutOne() {
        ChangeDrafted named = SAMPLES.stream().filter(ChangeDrafted.class::isInstance).map(ChangeDrafted.class::cast)
                .filter(d -> d.fiscalYear() != null).findFirst().orElseThrow();
        String json = new String(serializer.serialize(named, byte[].class).getData(), StandardCharsets.UTF_8).replace(",\"fiscalYear\":2020", "");
        assertThat(json).doesNotContain("fiscalYear");
        Object back = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, ChangeDrafted.class.getName(), "1"));
        assertThat(((ChangeDrafted) back).fiscalYear()).isNull();
        assertThat(((ChangeDrafted) back).proposal()).isEqualTo(named.proposal());
    }

    @Test
    void aBillItemRecordedBeforeItemsSetLimitsReadsWithoutOne() {
        var item = jp.budgetledger.core.api.SupplementaryItem.change(ID, Money.ofYen(-500));
        String itemJson = new String(serializer.serialize(item, byte[].class).getData(), StandardCharsets.UTF_8)
                .replace(",\"carryoverLimit\":null", "");
        assertThat(itemJson).doesNotContain("carryoverLimit");
        Object itemBack = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                itemJson.getBytes(StandardCharsets.UTF_8), byte[].class, jp.budgetledger.core.api.SupplementaryItem.class.getName(), null));
        assertThat(itemBack).isEqualTo(item);
    }

    @Test
    void proposalsRoundTripNamedByTheirKind() throws Exception {
        var mapper = LedgerJson.storageMapper();
        List<Proposal> proposals = List.of(
                new TransferFunds(TransferId.of("tr-3"), ID, InitiativeId.of("other"), Money.ofYen(10), ChangeContext.of("流用"), "第5条"),
                new TransferFunds(TransferId.of("tr-4"), ID, InitiativeId.of("other"), Money.ofYen(10), ChangeContext.of("流用")),
                new UseReserveFund(ReserveFundUseId.of("rf-2"), ID, InitiativeId.of("other"), Money.ofYen(10),
                        new ChangeContext(LocalDate.of(2020, 8, 1), "予備費充用", "財第12号")));
        for (Proposal proposal : proposals) {
            String json = mapper.writeValueAsString(proposal);
            assertThat(json).contains(proposal instanceof UseReserveFund ? "\"kind\":\"reserve-fund-use\"" : "\"kind\":\"transfer\"");
            assertThat(mapper.readValue(json, Proposal.class)).isEqualTo(proposal);
        }
    }

    @Test
    void moneyAndDatesAreStoredAsPlainJson() {
        String json = new String(serializer.serialize(SAMPLES.get(0), byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"amount\":37786000", "\"fiscalYear\":2020", "\"effectiveDate\":\"2020-04-01\"",
                "\"department\":\"総務部\"", "\"initiativeId\":\"" + ID + "\"");
    }

    @Test
    void everyEventTypeHasARoundTripSample() {
        Set<String> eventTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.budgetledger.core").stream()
                .filter(c -> c.isAnnotatedWith(org.axonframework.serialization.Revision.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        Set<String> sampled = SAMPLES.stream().map(e -> e.getClass().getName()).collect(Collectors.toSet());
        assertThat(sampled).containsAll(eventTypes);
    }

    @Test
    void trackingTokensRoundTrip() {
        TrackingToken gapAware = GapAwareTrackingToken.newInstance(42, Set.of(40L, 41L));
        TrackingToken replay = ReplayToken.createReplayToken(gapAware, GapAwareTrackingToken.newInstance(10, Set.of()));
        for (TrackingToken token : List.of(gapAware, replay)) {
            assertThat(serializer.deserialize(serializer.serialize(token, byte[].class)).equals(token)).isTrue();
        }
    }
}
