package jp.budgetledger.app.security;

import jp.budgetledger.core.api.Text;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user of the ledger: name, password hash, roles, the departments an officer is limited to (empty: all), and for a
 * directory user the display name kept beside the name (null for configured users).
 */
public class LedgerUser extends User {

    private final Set<String> departmentKeys;
    private final List<String> departments;
    private final String displayName;

    public LedgerUser(String name, String passwordHash, Collection<Role> roles, List<String> departments) {
        this(name, passwordHash, roles, departments, null);
    }

    public LedgerUser(String name, String passwordHash, Collection<Role> roles, List<String> departments, String displayName) {
        super(name, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.departments = List.copyOf(departments);
        this.departmentKeys = departments.stream().map(Text::key).collect(Collectors.toUnmodifiableSet());
        this.displayName = displayName;
    }

    /** The directory's display name of the user (cn, displayName); null when there is none. */
    public String displayName() {
        return displayName;
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
