package jp.budgetledger.app.security.directory;

import jp.budgetledger.app.logging.LogSafe;
import jp.budgetledger.app.security.LedgerUser;
import jp.budgetledger.app.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Makes the ledger user of a directory entry that has just proved its password: the stable user name (the
 * {@code username-attribute}, not what was typed), the display name, and the roles and departments its groups (given as
 * authorities holding the groups' DNs) and department attribute give. A user whom no group gives a role, or an officer
 * to whom no department is given where departments come from the directory, is refused as a bad password would be.
 */
class DirectoryUserMapper implements UserDetailsContextMapper {

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    private final DirectoryRights rights;
    private final LdapSettings settings;

    DirectoryUserMapper(DirectoryRights rights, LdapSettings settings) {
        this.rights = rights;
        this.settings = settings;
    }

    @Override
    public UserDetails mapUserFromContext(DirContextOperations entry, String username, Collection<? extends GrantedAuthority> groups) {
        String name = entry.getStringAttribute(settings.usernameAttribute());
        if (name == null || name.isBlank()) {
            name = username;
        }
        String display = entry.getStringAttribute(settings.displayNameAttribute());
        String[] values = settings.departmentAttribute() == null ? null : entry.getStringAttributes(settings.departmentAttribute());
        DirectoryRights.Rights given = rights.of(groups.stream().map(GrantedAuthority::getAuthority).toList(),
                values == null ? List.of() : List.of(values));
        if (given.roles().isEmpty()) {
            refuse(name, "in no group mapped to a role (ledger.security.ldap.role-groups)");
        }
        if (mustHaveDepartment(given.roles()) && rights.mapsDepartments(settings.departmentAttribute() != null)
                && given.departments().isEmpty() && !given.everyDepartment()) {
            refuse(name, "an officer given no department (ledger.security.ldap.department-groups, department-attribute)");
        }
        return new LedgerUser(name, "", given.roles(), given.departments(), display == null || display.isBlank() ? null : display.strip());
    }

    private static boolean mustHaveDepartment(Set<Role> roles) {
        return roles.contains(Role.OFFICER) || roles.contains(Role.APPROVER);
    }

    private static void refuse(String name, String why) {
        log.warn("Directory user {} refused: {} [request {}]", LogSafe.text(name), why, MDC.get("requestId"));
        throw new BadCredentialsException("Bad credentials");
    }

    @Override
    public void mapUserToContext(UserDetails user, DirContextAdapter context) {
        throw new UnsupportedOperationException("the ledger never writes to the directory");
    }
}
