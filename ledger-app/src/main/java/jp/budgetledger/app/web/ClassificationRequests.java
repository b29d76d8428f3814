package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;

import java.util.function.Supplier;

/**
 * A line's 会計, side and 科目 as requests give them ({@code accountCode}, {@code accountName},
 * {@code side}, {@code subject}, {@code departmentCode}), read into a {@link Classification}. An
 * invalid value is named by its request field under a prefix ({@code items[0].} for an item of a
 * supplementary budget): {@code accountName}, {@code side}, {@code subject.kan.name} …
 */
final class ClassificationRequests {

    private ClassificationRequests() {
    }

    /** One level of the 科目 as the book prints it. */
    @Schema(name = "SubjectLevelRequest", description = "One level of the 科目: its code (optional) and name")
    record Level(@Size(max = SubjectLevel.MAX_CODE_LENGTH) String code, @Size(max = SubjectLevel.MAX_NAME_LENGTH) String name) {
    }

    /** A 科目 path: 款, 項 and 目 required, 事業, 節 and 細節 optional. */
    @Schema(name = "SubjectRequest", description = "A 科目 path: kan (款), kou (項), moku (目) required; jigyou (事業 or 細目), setsu (節), "
            + "saisetsu (細節) optional")
    record SubjectBody(@Valid Level kan, @Valid Level kou, @Valid Level moku, @Valid Level jigyou, @Valid Level setsu,
                       @Valid Level saisetsu) {
    }

    /**
     * The classification the fields give; null when none of them is given (an unclassified line).
     *
     * @throws InvalidValueException naming {@code prefix} + the field for a missing or invalid part
     */
    static Classification classification(String prefix, String accountCode, String accountName, String side, SubjectBody subject,
                                         String departmentCode) {
        if (accountCode == null && accountName == null && side == null && subject == null) {
            if (departmentCode != null) {
                throw new InvalidValueException(prefix + "departmentCode", "is given only with accountName, side and subject (a classified line)");
            }
            return null;
        }
        SubjectLevel account = accountName == null ? null
                : named(prefix + "account", () -> SubjectLevel.of(accountCode, accountName), prefix + "accountCode", prefix + "accountName");
        if (accountName == null && accountCode != null) {
            throw new InvalidValueException(prefix + "accountName", "must be given with accountCode (会計)");
        }
        Side parsedSide = side == null ? null : prefixed(prefix, () -> Side.parse(side));
        Subject parsedSubject = subject == null ? null : subject(prefix, subject);
        return prefixed(prefix, () -> new Classification(account, parsedSide, parsedSubject, departmentCode));
    }

    /** The 科目 path of {@code body}, its invalid parts named {@code prefix + "subject.kan.name"} and so on. */
    static Subject subject(String prefix, SubjectBody body) {
        String at = prefix + "subject.";
        return prefixed(prefix, () -> new Subject(level(at + "kan", body.kan()), level(at + "kou", body.kou()), level(at + "moku", body.moku()),
                level(at + "jigyou", body.jigyou()), level(at + "setsu", body.setsu()), level(at + "saisetsu", body.saisetsu())));
    }

    /** The level {@code level} gives, its invalid code or name named after {@code field}; null for none. */
    static SubjectLevel level(String field, Level level) {
        if (level == null) {
            return null;
        }
        return named(field, () -> SubjectLevel.of(level.code(), level.name()), field + ".code", field + ".name");
    }

    /** Runs {@code value}; an invalid code or name comes out naming {@code codeField} or {@code nameField}. */
    private static <T> T named(String field, Supplier<T> value, String codeField, String nameField) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException("code".equals(e.field()) ? codeField : "name".equals(e.field()) ? nameField : field, e.reason());
        }
    }

    private static <T> T prefixed(String prefix, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            if (e.field() == null || prefix.isEmpty() || e.field().startsWith(prefix)) {
                throw e;
            }
            throw new InvalidValueException(prefix + e.field(), e.reason());
        }
    }
}
