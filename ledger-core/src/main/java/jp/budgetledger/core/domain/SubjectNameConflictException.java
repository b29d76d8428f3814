package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;

/**
 * Within a fiscal year one code has one name at each level of the 科目 table: the year already
 * names this 会計, 款, 項, 目, 事業, 節 or 細節 otherwise.
 */
public class SubjectNameConflictException extends LedgerRuleViolation {

    private final String level;
    private final String code;
    private final String heldName;
    private final String givenName;

    public SubjectNameConflictException(FiscalYear fiscalYear, String level, String japaneseLevel, String code, String heldName,
                                        String givenName) {
        super(SubjectNames.ACCOUNT.equals(level) ? Concept.ACCOUNT : Concept.SUBJECT,
                "fiscal year " + fiscalYear.value() + " names " + japaneseLevel + " " + code + " '" + heldName + "', not '" + givenName
                        + "' (one name per code and level within a year)");
        this.level = level;
        this.code = code;
        this.heldName = heldName;
        this.givenName = givenName;
    }

    /** The level: {@code account}, {@code kan}, {@code kou}, {@code moku}, {@code jigyou}, {@code setsu} or {@code saisetsu}. */
    public String level() {
        return level;
    }

    public String code() {
        return code;
    }

    /** The name the year's 科目 table has for the code. */
    public String heldName() {
        return heldName;
    }

    /** The name the command gave. */
    public String givenName() {
        return givenName;
    }

    @Override
    public String rule() {
        return "subject-name-conflict";
    }
}
