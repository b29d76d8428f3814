package jp.budgetledger.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line's 科目 path: 款 › 項 › 目 (required) and optionally 事業 (or 細目) › 節 › 細節. A level may be
 * given only when the level above it is given, except 事業, which a book may leave out between 目
 * and 節.
 */
public record Subject(SubjectLevel kan, SubjectLevel kou, SubjectLevel moku,
                      SubjectLevel jigyou, SubjectLevel setsu, SubjectLevel saisetsu) {

    public Subject {
        if (kan == null) {
            throw new InvalidValueException("subject.kan", "must be given (款)");
        }
        if (kou == null) {
            throw new InvalidValueException("subject.kou", "must be given (項)");
        }
        if (moku == null) {
            throw new InvalidValueException("subject.moku", "must be given (目)");
        }
        if (saisetsu != null && setsu == null) {
            throw new InvalidValueException("subject.setsu", "must be given when 細節 is (節)");
        }
    }

    public static Subject of(SubjectLevel kan, SubjectLevel kou, SubjectLevel moku) {
        return new Subject(kan, kou, moku, null, null, null);
    }

    /** The levels given, from 款 down, each with its {@link Level}. */
    public List<Placed> levels() {
        List<Placed> placed = new ArrayList<>(6);
        placed.add(new Placed(Level.KAN, kan));
        placed.add(new Placed(Level.KOU, kou));
        placed.add(new Placed(Level.MOKU, moku));
        if (jigyou != null) {
            placed.add(new Placed(Level.JIGYOU, jigyou));
        }
        if (setsu != null) {
            placed.add(new Placed(Level.SETSU, setsu));
        }
        if (saisetsu != null) {
            placed.add(new Placed(Level.SAISETSU, saisetsu));
        }
        return Collections.unmodifiableList(placed);
    }

    /** The deepest level given (its name is the name of a line imported from a budget book). */
    public SubjectLevel deepest() {
        List<Placed> levels = levels();
        return levels.get(levels.size() - 1).level();
    }

    /** The identifying keys of the levels given, joined by {@code /}: {@code "2/1/1"}. */
    public String pathKey() {
        return String.join("/", levels().stream().map(p -> p.level().key()).toList());
    }

    /** A level of the classification below the 会計 and side. */
    public enum Level {
        KAN("kan", "款"), KOU("kou", "項"), MOKU("moku", "目"), JIGYOU("jigyou", "事業"), SETSU("setsu", "節"), SAISETSU("saisetsu", "細節");

        private final String code;
        private final String japanese;

        Level(String code, String japanese) {
            this.code = code;
            this.japanese = japanese;
        }

        public String code() {
            return code;
        }

        public String japanese() {
            return japanese;
        }
    }

    /** A given level and where it sits. */
    public record Placed(Level at, SubjectLevel level) {
    }
}
