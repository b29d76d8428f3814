package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 科目 table of each fiscal year: within a year, the 会計, 款, 項, 目, 事業, 節 and 細節 at one
 * path of codes have one name. Lines hold the names of their path; a name no line holds any more
 * is forgotten, so the only holder of a name may rename it. Implementations must take part in the
 * transaction of the command that calls them, like {@link InitiativeRegistry}, and must be safe
 * against two concurrent claims of the same path.
 */
public interface SubjectTable {

    /**
     * Records that {@code holder} uses {@code name} for the level at {@code path} (an identifying key
     * of the level and every level above it, see {@link SubjectNames}) in {@code fiscalYear}.
     * Names are compared after NFKC normalisation.
     *
     * @param level the level's code ({@code account}, {@code kan} … {@code saisetsu}), kept for reading
     * @return empty when the path had no name or had this one, otherwise the name the path already has
     */
    Optional<String> claim(FiscalYear fiscalYear, String path, String level, String name, InitiativeId holder);

    /** {@code holder} no longer uses the level at {@code path}; a path no line uses any more loses its name. */
    void release(FiscalYear fiscalYear, String path, InitiativeId holder);

    /** One claim of {@link #claim}. */
    record Claim(FiscalYear fiscalYear, String path, String level, String name, InitiativeId holder) {
    }

    /**
     * Makes {@code claims} as {@link #claim} makes them one after the other in the order given; an
     * implementation may do it in fewer round trips. The caller fails its transaction when any of them failed.
     *
     * @return the outcome of each claim, in the order given: empty when it succeeded, otherwise the name the path already has
     */
    default List<Optional<String>> claimAll(List<Claim> claims) {
        List<Optional<String>> outcomes = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            outcomes.add(claim(claim.fiscalYear(), claim.path(), claim.level(), claim.name(), claim.holder()));
        }
        return outcomes;
    }
}
