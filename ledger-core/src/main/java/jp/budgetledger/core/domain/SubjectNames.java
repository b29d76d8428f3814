package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a line's classification in its year's {@link SubjectTable}: its 会計 under the
 * 会計's key, and each level of its 科目 under the keys of the 会計, the side and every level down to
 * it ({@code "1|expenditure|kan=2|kou=1"}).
 */
public final class SubjectNames {

    public static final String ACCOUNT = "account";

    private SubjectNames() {
    }

    /** One level of a classification, where it sits in the table. */
    public record Entry(String path, String level, String japanese, SubjectLevel value) {
    }

    public static List<Entry> of(Classification classification) {
        List<Entry> entries = new ArrayList<>(7);
        String path = classification.account().key();
        entries.add(new Entry(path, ACCOUNT, "会計", classification.account()));
        path += "|" + classification.side().code();
        for (Subject.Placed placed : classification.subject().levels()) {
            path += "|" + placed.at().code() + "=" + placed.level().key();
            entries.add(new Entry(path, placed.at().code(), placed.at().japanese(), placed.level()));
        }
        return entries;
    }

    /**
     * Claims every level of {@code classification} for {@code holder}.
     *
     * @throws SubjectNameConflictException for the first level whose code the year names otherwise
     */
    public static void claim(SubjectTable table, FiscalYear fiscalYear, Classification classification, InitiativeId holder) {
        for (Entry entry : of(classification)) {
            table.claim(fiscalYear, entry.path(), entry.level(), entry.value().name(), holder).ifPresent(held -> {
                throw new SubjectNameConflictException(fiscalYear, entry.level(), entry.japanese(), entry.value().code(), held,
                        entry.value().name());
            });
        }
    }

    /** Gives up every level of {@code classification} held by {@code holder}. */
    public static void release(SubjectTable table, FiscalYear fiscalYear, Classification classification, InitiativeId holder) {
        for (Entry entry : of(classification)) {
            table.release(fiscalYear, entry.path(), holder);
        }
    }
}
