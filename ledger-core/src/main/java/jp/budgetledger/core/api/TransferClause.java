package jp.budgetledger.core.api;

import java.util.List;

/**
 * A 項間流用 clause of a fiscal year's 予算総則: under {@code article} (第5条) it allows transfers
 * between the 項 of the 款 {@code kan}, either between any two of {@code kous}, or between lines
 * of any 項 of the 款 whose 節 are both among {@code setsus} (the common clause: 給料・職員手当等・共済費).
 * Exactly one of {@code kous} and {@code setsus} is given.
 */
public record TransferClause(String article, String text, SubjectLevel kan, List<SubjectLevel> kous, List<SubjectLevel> setsus) {

    public static final int MAX_ARTICLE_LENGTH = 50;
    public static final int MAX_TEXT_LENGTH = 2000;

    public TransferClause {
        article = Text.required("article", article, MAX_ARTICLE_LENGTH);
        text = Text.required("text", text, MAX_TEXT_LENGTH);
        if (kan == null) {
            throw new InvalidValueException("kan", "must be given (the 款 whose 項 the clause covers)");
        }
        kous = levels("kous", kous);
        setsus = levels("setsus", setsus);
        if ((kous == null) == (setsus == null)) {
            throw new InvalidValueException("kous", "give either the 項 (kous) or the 節 (setsus) the clause covers, not both");
        }
        if (kous != null && kous.size() < 2) {
            throw new InvalidValueException("kous", "must name at least two 項 to transfer between");
        }
    }

    private static List<SubjectLevel> levels(String field, List<SubjectLevel> levels) {
        if (levels == null || levels.isEmpty()) {
            return null;
        }
        if (levels.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException(field, "must not contain null");
        }
        return List.copyOf(levels);
    }

    /** An article as a transfer cites it, cleaned; {@link InvalidValueException} naming {@code concept} if blank or too long. */
    public static String article(Concept concept, String article) {
        String cleaned = Text.cleanOrNull(article);
        if (cleaned == null) {
            throw new InvalidValueException(concept, "must not be blank");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_ARTICLE_LENGTH) {
            throw new InvalidValueException(concept, "must be at most " + MAX_ARTICLE_LENGTH + " characters");
        }
        return cleaned;
    }

    /** Whether this clause names {@code article} (compared as {@link Text#key} compares texts). */
    public boolean isArticle(String other) {
        return other != null && Text.key(article).equals(Text.key(other));
    }

    /** Whether a transfer between lines on the paths {@code from} and {@code to} (of different 項 of one 款) is allowed by this clause. */
    public boolean covers(Subject from, Subject to) {
        if (!kan.sameAs(from.kan()) || !kan.sameAs(to.kan())) {
            return false;
        }
        if (kous != null) {
            return named(kous, from.kou()) && named(kous, to.kou());
        }
        return named(setsus, from.setsu()) && named(setsus, to.setsu());
    }

    private static boolean named(List<SubjectLevel> levels, SubjectLevel level) {
        return level != null && levels.stream().anyMatch(l -> l.sameAs(level));
    }
}
