package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SubjectTable} in memory, for one thread and no transactions: tests of the aggregate and
 * loads that build lines in memory.
 */
public class InMemorySubjectTable implements SubjectTable {

    private record Key(int fiscalYear, String path) {
    }

    private final Map<Key, String> names = new HashMap<>();
    private final Map<Key, Set<InitiativeId>> holders = new HashMap<>();

    @Override
    public Optional<String> claim(FiscalYear fiscalYear, String path, String level, String name, InitiativeId holder) {
        Key key = new Key(fiscalYear.value(), path);
        String held = names.putIfAbsent(key, name);
        if (held != null && !Text.key(held).equals(Text.key(name))) {
            return Optional.of(held);
        }
        holders.computeIfAbsent(key, k -> new HashSet<>()).add(holder);
        return Optional.empty();
    }

    @Override
    public void release(FiscalYear fiscalYear, String path, InitiativeId holder) {
        Key key = new Key(fiscalYear.value(), path);
        Set<InitiativeId> held = holders.get(key);
        if (held != null && held.remove(holder) && held.isEmpty()) {
            holders.remove(key);
            names.remove(key);
        }
    }
}
