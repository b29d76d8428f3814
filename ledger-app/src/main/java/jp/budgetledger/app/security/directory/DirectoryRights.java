package jp.budgetledger.app.security.directory;

import jp.budgetledger.app.security.Role;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles and departments that a directory user's groups give, by {@code role-groups} and {@code department-groups}:
 * a group is named in either by its name (the value of its first RDN, e.g. its cn) or by its whole DN, compared
 * without regard to case. The department {@value #EVERY_DEPARTMENT} lifts the limit to departments.
 */
public final class DirectoryRights {

    /** The department of {@code department-groups} that means every department. */
    public static final String EVERY_DEPARTMENT = "*";

    /** What a user's groups give: roles (empty: the user may not sign in) and departments (empty: every department). */
    public record Rights(Set<Role> roles, List<String> departments, boolean everyDepartment) {
    }

    private final Map<String, List<Role>> roleGroups = new LinkedHashMap<>();
    private final Map<String, String> departmentGroups = new LinkedHashMap<>();

    public DirectoryRights(Map<String, List<Role>> roleGroups, Map<String, String> departmentGroups) {
        roleGroups.forEach((group, roles) -> this.roleGroups.put(normal(group), roles));
        departmentGroups.forEach((group, department) -> this.departmentGroups.put(normal(group), department.strip()));
    }

    /** Whether departments are given by the directory at all (by groups or an attribute). */
    boolean mapsDepartments(boolean attribute) {
        return attribute || !departmentGroups.isEmpty();
    }

    /** The rights of a user in {@code groupDns}, with {@code departmentValues} from the department attribute (if any). */
    public Rights of(Collection<String> groupDns, Collection<String> departmentValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> departments = new LinkedHashSet<>();
        boolean every = false;
        for (String dn : groupDns) {
            for (String key : List.of(normal(dn), normal(name(dn)))) {
                roles.addAll(roleGroups.getOrDefault(key, List.of()));
                String department = departmentGroups.get(key);
                if (EVERY_DEPARTMENT.equals(department)) {
                    every = true;
                } else if (department != null) {
                    departments.add(department);
                }
            }
        }
        departmentValues.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(departments::add);
        return new Rights(roles, every ? List.of() : List.copyOf(departments), every);
    }

    /** The value of a DN's first RDN (a group's cn); the text itself when it is no DN. */
    static String name(String dn) {
        try {
            LdapName name = new LdapName(dn);
            return name.isEmpty() ? dn : String.valueOf(name.getRdn(name.size() - 1).getValue());
        } catch (InvalidNameException e) {
            return dn;
        }
    }

    /** A group's name or DN in one spelling: RDNs lower-cased and joined without spaces. */
    static String normal(String group) {
        String text = group.strip();
        if (text.contains("=")) {
            try {
                List<Rdn> rdns = new LdapName(text).getRdns();
                StringBuilder joined = new StringBuilder();
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    joined.append(joined.isEmpty() ? "" : ",").append(rdns.get(i).toString());
                }
                return joined.toString().toLowerCase(Locale.ROOT);
            } catch (InvalidNameException e) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return roleGroups.entrySet().stream().map(e -> e.getKey() + "→" + e.getValue()).collect(Collectors.joining(", "));
    }
}
