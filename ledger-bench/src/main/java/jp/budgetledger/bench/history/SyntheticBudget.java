package jp.budgetledger.bench.history;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A 自治体's budget books made up for the bench: two 会計 (一般会計 and 国民健康保険事業特別会計), each with both sides, ten 款 of
 * three 項 of four 目 per side, and under each 目 as many 事業 as the size asks for. Lines come in pairs, one of 歳入 and one
 * of 歳出 of the same 会計 with the same amount and the same changes, so that every 会計 stays balanced after each pair (the
 * loader appends whole pairs in each of its transactions when its batch is a multiple of two lines).
 */
public final class SyntheticBudget {

    /** Events of each line of {@link #history}: its addition and its amendments. */
    public static final int EVENTS_PER_LINE = 50;

    private static final int KAN = 10;
    private static final int KOU = 3;
    private static final int MOKU = 4;
    private static final int MOKU_PER_SIDE = KAN * KOU * MOKU;
    private static final int DEPARTMENTS = 12;
    private static final String[] EXPENDITURE_KAN = {"議会費", "総務費", "民生費", "衛生費", "労働費", "農林水産業費", "商工費", "土木費", "消防費", "教育費"};
    private static final String[] REVENUE_KAN = {"市税", "地方譲与税", "利子割交付金", "地方交付税", "分担金及び負担金", "使用料及び手数料", "国庫支出金",
            "県支出金", "繰入金", "諸収入"};
    private static final String[][] ACCOUNTS = {{"1", "一般会計"}, {"2", "国民健康保険事業特別会計"}};

    private SyntheticBudget() {
    }

    /** One place of the book: 会計 (0 or 1), side, and the index of the line among those of its 会計 and side in its year. */
    public record Place(int account, Side side, int index) {

        public SubjectLevel accountLevel() {
            return SubjectLevel.of(ACCOUNTS[account][0], ACCOUNTS[account][1]);
        }

        public SubjectLevel kan() {
            int kan = index % KAN;
            return SubjectLevel.of(Integer.toString(kan + 1), (side == Side.REVENUE ? REVENUE_KAN : EXPENDITURE_KAN)[kan]);
        }

        public SubjectLevel kou() {
            int kou = index / KAN % KOU;
            return SubjectLevel.of(Integer.toString(kou + 1), kan().name() + "第" + (kou + 1) + "項");
        }

        public SubjectLevel moku() {
            int moku = index / (KAN * KOU) % MOKU;
            return SubjectLevel.of(Integer.toString(moku + 1), kou().name() + "第" + (moku + 1) + "目");
        }

        public SubjectLevel jigyou() {
            int jigyou = index / MOKU_PER_SIDE;
            return SubjectLevel.of(Integer.toString(jigyou + 1), moku().name() + "事業" + (jigyou + 1));
        }

        public Department department() {
            return Department.of("部局" + (index % DEPARTMENTS + 1));
        }

        public Classification classification() {
            return new Classification(accountLevel(), side, new Subject(kan(), kou(), moku(), jigyou(), null, null), null);
        }
    }

    /**
     * About {@code events} events of past lines of {@value #EVENTS_PER_LINE} events each, in pairs, over {@code years} fiscal years
     * from {@code firstYear}: a pair's year and 会計 turn with each pair, so that every year and 会計 grows alike.
     */
    public static Iterator<HistoryLoader.PastLine> history(long events, int firstYear, int years, String prefix) {
        long pairs = Math.max(1, events / (2L * EVENTS_PER_LINE));
        return new Iterator<>() {
            long next = 0;

            @Override
            public boolean hasNext() {
                return next < 2 * pairs;
            }

            @Override
            public HistoryLoader.PastLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long n = next++;
                long pair = n / 2;
                FiscalYear year = FiscalYear.of(firstYear + (int) (pair % years));
                int account = (int) (pair / years % 2);
                int index = Math.toIntExact(pair / (2L * years));
                Place place = new Place(account, n % 2 == 0 ? Side.REVENUE : Side.EXPENDITURE, index);
                List<HistoryLoader.PastChange> changes = new ArrayList<>(EVENTS_PER_LINE - 1);
                for (int i = 1; i < EVENTS_PER_LINE; i++) {
                    changes.add(new HistoryLoader.PastChange(year.firstDay().plusDays(i * 7L), Money.ofYen(i % 2 == 0 ? 5_000 : -3_000), "補正",
                            "議案第" + i + "号"));
                }
                return new HistoryLoader.PastLine(InitiativeId.of(prefix + n), year, null, place.department(), place.jigyou().name(), "過去の予算",
                        Money.ofYen(10_000_000 + index % 100 * 1_000L), ChangeContext.of("当初予算"), changes, place.classification());
            }
        };
    }

    /** A budget CSV in the open-data layout of {@code rows} lines (rounded down to pairs) of {@code fiscalYear}, and its total in yen. */
    public record Book(String csv, int rows, long totalYen) {
    }

    /** The initial budget of a year as a municipality publishes it: the rows in pairs of 歳入 and 歳出 as {@link #history} makes them. */
    public static Book book(int fiscalYear, int rows) {
        StringBuilder csv = new StringBuilder("年度,会計コード,会計名,歳入歳出,款コード,款名,項コード,項名,目コード,目名,事業コード,事業名,所属,予算額\n");
        int pairs = rows / 2;
        long total = 0;
        for (int pair = 0; pair < pairs; pair++) {
            for (Side side : List.of(Side.REVENUE, Side.EXPENDITURE)) {
                Place place = new Place(pair % 2, side, pair / 2);
                long amount = 1_000_000 + place.index() % 100 * 1_000L;
                total += amount;
                csv.append(fiscalYear).append(',').append(place.accountLevel().code()).append(',').append(place.accountLevel().name()).append(',')
                        .append(side.japanese());
                for (SubjectLevel level : List.of(place.kan(), place.kou(), place.moku(), place.jigyou())) {
                    csv.append(',').append(level.code()).append(',').append(level.name());
                }
                csv.append(',').append(place.department().name()).append(',').append(amount).append('\n');
            }
        }
        return new Book(csv.toString(), 2 * pairs, total);
    }
}
