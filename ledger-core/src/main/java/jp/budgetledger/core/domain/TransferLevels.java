package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.ReserveFund;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;

import java.util.List;
import java.util.function.Supplier;

/**
 * How far a transfer between two lines goes, and whether the law and the year's 予算総則 allow it
 * (地方自治法 第220条第2項): within one 会計 and side, not to or from a 予備費, not from a barred 節,
 * never across 款, across 項 only under a cited clause that covers both lines; within a 項 freely.
 * A transfer between a line without a classification and any line but a 予備費 is under none of these rules.
 */
final class TransferLevels {

    private TransferLevels() {
    }

    /**
     * The level crossed (a {@link Subject.Level#code()} from {@code kou} down), null when either line is
     * unclassified or both have the same path. The year's 予算総則 is read only for two classified lines.
     *
     * @throws TransferLevelException when the transfer goes further than allowed
     */
    static String check(Classification from, Classification to, String clause, Supplier<GeneralProvisions> year) {
        if (ReserveFund.is(from) || ReserveFund.is(to)) {
            throw new TransferLevelException(TransferLevelException.TOUCHES_RESERVE_FUND,
                    ReserveFund.is(from) ? Concept.SOURCE_LINE : Concept.DESTINATION_LINE,
                    "a 予備費 is used by a 予備費充用 (POST /api/reserve-fund-uses), never by a transfer");
        }
        if (from == null || to == null) {
            return null;
        }
        if (!from.account().key().equals(to.account().key())) {
            throw new TransferLevelException(TransferLevelException.ACROSS_ACCOUNT, Concept.DESTINATION_LINE,
                    "a transfer stays within one 会計: the source is in " + from.account().name() + ", the destination in "
                            + to.account().name());
        }
        if (from.side() != to.side()) {
            throw new TransferLevelException(TransferLevelException.ACROSS_SIDE, Concept.DESTINATION_LINE,
                    "a transfer stays on one side: the source is " + from.side().japanese() + ", the destination "
                            + to.side().japanese());
        }
        GeneralProvisions provisions = year.get();
        provisions.barred(from.account(), from.subject().setsu()).ifPresent(barred -> {
            throw new TransferLevelException(TransferLevelException.FROM_BARRED_SETSU, Concept.SOURCE_LINE,
                    "節 " + barred.setsu().name() + " is barred as the source of a transfer this year: " + barred.reason());
        });
        Subject source = from.subject();
        Subject destination = to.subject();
        if (!source.kan().key().equals(destination.kan().key())) {
            throw new TransferLevelException(TransferLevelException.ACROSS_KAN, Concept.DESTINATION_LINE,
                    "a transfer between 款 (" + source.kan().name() + " → " + destination.kan().name()
                            + ") is not allowed (地方自治法 第220条第2項); it needs a supplementary budget");
        }
        TransferClause cited = clause == null ? null : provisions.clause(from.account(), clause).orElseThrow(() ->
                new TransferLevelException(TransferLevelException.UNKNOWN_CLAUSE, Concept.CLAUSE,
                        "the 予算総則 of the year has no clause " + clause + " for " + from.account().name()));
        if (!source.kou().key().equals(destination.kou().key())) {
            if (cited == null) {
                throw new TransferLevelException(TransferLevelException.ACROSS_KOU, Concept.DESTINATION_LINE,
                        "a transfer between 項 (" + source.kou().name() + " → " + destination.kou().name()
                                + ") needs a clause of the 予算総則 that allows it, cited as clause");
            }
            if (!cited.covers(source, destination)) {
                throw new TransferLevelException(TransferLevelException.ACROSS_KOU, Concept.CLAUSE,
                        "clause " + cited.article() + " does not cover a transfer from " + source.kou().name() + " to "
                                + destination.kou().name() + (cited.setsus() != null ? " between these 節" : ""));
            }
            return Subject.Level.KOU.code();
        }
        for (Subject.Level level : List.of(Subject.Level.MOKU, Subject.Level.JIGYOU, Subject.Level.SETSU, Subject.Level.SAISETSU)) {
            if (!sameKey(at(source, level), at(destination, level))) {
                return level.code();
            }
        }
        return null;
    }

    private static SubjectLevel at(Subject subject, Subject.Level level) {
        return switch (level) {
            case KAN -> subject.kan();
            case KOU -> subject.kou();
            case MOKU -> subject.moku();
            case JIGYOU -> subject.jigyou();
            case SETSU -> subject.setsu();
            case SAISETSU -> subject.saisetsu();
        };
    }

    private static boolean sameKey(SubjectLevel a, SubjectLevel b) {
        return a == null ? b == null : b != null && a.key().equals(b.key());
    }
}
