package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of many new lines made together ({@link InitiativeRegistry#claimAll}, {@link SubjectTable#claimAll}) in
 * the order of the lines, then answered one by one as each line's {@link Initiative} makes them: each line sees the
 * outcome it would have seen had the lines claimed one after the other. A claim not made in advance, and every
 * release, goes to the tables themselves.
 */
final class ClaimedInAdvance {

    private record SubjectClaim(int fiscalYear, String path, String name, InitiativeId holder) {
    }

    private final Map<InitiativeRegistry.Claim, Optional<InitiativeId>> keys = new HashMap<>();
    private final Map<SubjectClaim, Optional<String>> names = new HashMap<>();
    private final InitiativeRegistry registry;
    private final SubjectTable subjects;

    private ClaimedInAdvance(InitiativeRegistry registry, SubjectTable subjects) {
        this.registry = registry;
        this.subjects = subjects;
    }

    /** Claims the key and every 科目 level of each of {@code lines}, in their order. */
    static ClaimedInAdvance claim(List<AddInitiative> lines, InitiativeRegistry registry, SubjectTable subjects) {
        ClaimedInAdvance claimed = new ClaimedInAdvance(registry, subjects);
        List<InitiativeRegistry.Claim> keyClaims = new ArrayList<>(lines.size());
        List<SubjectTable.Claim> subjectClaims = new ArrayList<>();
        for (AddInitiative line : lines) {
            keyClaims.add(new InitiativeRegistry.Claim(InitiativeKey.of(line.fiscalYear(), line.department(), line.name(),
                    line.classification()), line.initiativeId()));
            if (line.classification() != null) {
                for (SubjectNames.Entry entry : SubjectNames.of(line.classification())) {
                    subjectClaims.add(new SubjectTable.Claim(line.fiscalYear(), entry.path(), entry.level(), entry.value().name(),
                            line.initiativeId()));
                }
            }
        }
        List<Optional<InitiativeId>> keyOutcomes = registry.claimAll(keyClaims);
        for (int i = 0; i < keyClaims.size(); i++) {
            claimed.keys.putIfAbsent(keyClaims.get(i), keyOutcomes.get(i));
        }
        List<Optional<String>> nameOutcomes = subjects.claimAll(subjectClaims);
        for (int i = 0; i < subjectClaims.size(); i++) {
            SubjectTable.Claim claim = subjectClaims.get(i);
            claimed.names.putIfAbsent(new SubjectClaim(claim.fiscalYear().value(), claim.path(), claim.name(), claim.holder()),
                    nameOutcomes.get(i));
        }
        return claimed;
    }

    /** The registry as the lines see it. */
    InitiativeRegistry registry() {
        return new InitiativeRegistry() {
            @Override
            public Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id) {
                Optional<InitiativeId> outcome = keys.remove(new Claim(key, id));
                return outcome != null ? outcome : registry.claim(key, id);
            }

            @Override
            public void release(InitiativeKey key, InitiativeId id) {
                registry.release(key, id);
            }
        };
    }

    /** The 科目 table as the lines see it. */
    SubjectTable subjects() {
        return new SubjectTable() {
            @Override
            public Optional<String> claim(FiscalYear fiscalYear, String path, String level, String name, InitiativeId holder) {
                Optional<String> outcome = names.remove(new SubjectClaim(fiscalYear.value(), path, name, holder));
                return outcome != null ? outcome : subjects.claim(fiscalYear, path, level, name, holder);
            }

            @Override
            public void release(FiscalYear fiscalYear, String path, InitiativeId holder) {
                subjects.release(fiscalYear, path, holder);
            }
        };
    }
}
