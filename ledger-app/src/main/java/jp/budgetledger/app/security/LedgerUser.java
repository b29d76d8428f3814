package jp.budgetledger.app.security;

import jp.budgetledger.core.api.Text;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A user of the ledger: name, password hash, roles, and the departments an officer is limited to (empty: all). */
public class LedgerUser extends User {

    private final Set<String> departmentKeys;
    private final List<String> departments;

    public LedgerUser(String name, String passwordHash, Collection<Role> roles, List<String> departments) {
        super(name, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.departments = List.copyOf(departments);
        this.departmentKeys = departments.stream().map(Text::key).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this user may change lines of {@code department}. */
    public boolean mayActFor(String department) {
        return departmentKeys.isEmpty() || departmentKeys.contains(Text.key(department));
    }

    public List<String> departments() {
        return departments;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
