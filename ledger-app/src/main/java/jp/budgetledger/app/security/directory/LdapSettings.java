package jp.budgetledger.app.security.directory;

import jp.budgetledger.app.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ledger.security.ldap}: sign-in against a directory instead of {@code ledger.security.users}. In use when
 * {@code urls} or {@code mode} is set.
 *
 * @param mode                 {@code ldap} (bind as the user found by {@code userSearchFilter}, groups by {@code groupSearchFilter})
 *                             or {@code active-directory} (Spring Security's ActiveDirectoryLdapAuthenticationProvider: bind as
 *                             {@code user@domain}, groups from {@code memberOf})
 * @param urls                 directory servers tried in order (failover), {@code ldap://} or {@code ldaps://}
 * @param baseDn               the directory's base (Active Directory: the search root, e.g. {@code dc=city,dc=local})
 * @param domain               Active Directory only: the domain appended to a user name ({@code city.local})
 * @param userSearchBase       where users are searched, relative to {@code baseDn}
 * @param userSearchFilter     the user's entry, {@code {0}} the name given at sign-in
 * @param usernameAttribute    the stable user name recorded as the actor ({@code uid}, {@code sAMAccountName})
 * @param displayNameAttribute the name shown beside it ({@code cn}, {@code displayName})
 * @param bindDn               the service account that searches (empty: anonymous search); its password from the environment
 * @param startTls             upgrade {@code ldap://} connections with StartTLS (LDAP mode)
 * @param trustStore           the trust store of the directory's certificate (empty: the JVM's)
 * @param groupSearchBase      where groups are searched, relative to {@code baseDn} (LDAP mode)
 * @param groupSearchFilter    a group of the user, {@code {0}} the user's DN, {@code {1}} the name given (LDAP mode)
 * @param roleGroups           group (its name, i.e. cn, or its DN) → the roles its members have; a user in none is refused
 * @param departmentGroups     group → the department its members may act for ({@code *}: every department)
 * @param departmentAttribute  a user attribute naming the user's departments, beside or instead of {@code departmentGroups}
 * @param timeout              connecting to and waiting on a directory server
 * @param rememberSignIn       how long an API client's verified credentials (and so its rights) are reused before the directory
 *                             is asked again (zero: every request asks; a changed group then applies from the next request)
 */
@ConfigurationProperties("ledger.security.ldap")
public record LdapSettings(Mode mode, List<String> urls, String baseDn, String domain, String userSearchBase,
                           String userSearchFilter, String usernameAttribute, String displayNameAttribute, String bindDn,
                           String bindPassword, boolean startTls, Path trustStore, String trustStorePassword,
                           String trustStoreType, String groupSearchBase, String groupSearchFilter,
                           Map<String, List<Role>> roleGroups, Map<String, String> departmentGroups,
                           String departmentAttribute, Duration timeout, Duration rememberSignIn) {

    /** How the directory is asked. */
    public enum Mode {
        LDAP, ACTIVE_DIRECTORY
    }

    public LdapSettings {
        urls = urls == null ? List.of() : urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        boolean ad = mode == Mode.ACTIVE_DIRECTORY;
        baseDn = baseDn == null ? "" : baseDn.strip();
        userSearchBase = userSearchBase == null ? "" : userSearchBase.strip();
        userSearchFilter = blank(userSearchFilter) ? (ad ? "(&(objectClass=user)(userPrincipalName={0}))" : "(uid={0})") : userSearchFilter;
        usernameAttribute = blank(usernameAttribute) ? (ad ? "sAMAccountName" : "uid") : usernameAttribute;
        displayNameAttribute = blank(displayNameAttribute) ? (ad ? "displayName" : "cn") : displayNameAttribute;
        bindDn = blank(bindDn) ? null : bindDn;
        trustStoreType = blank(trustStoreType) ? "PKCS12" : trustStoreType;
        groupSearchBase = groupSearchBase == null ? "" : groupSearchBase.strip();
        groupSearchFilter = blank(groupSearchFilter) ? "(member={0})" : groupSearchFilter;
        roleGroups = roleGroups == null ? Map.of() : copy(roleGroups);
        departmentGroups = departmentGroups == null ? Map.of() : new LinkedHashMap<>(departmentGroups);
        departmentAttribute = blank(departmentAttribute) ? null : departmentAttribute;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        rememberSignIn = rememberSignIn == null ? Duration.ZERO : rememberSignIn;
    }

    /** Whether the directory is the user source. */
    public boolean enabled() {
        return mode != null || !urls.isEmpty();
    }

    public Mode effectiveMode() {
        return mode == null ? Mode.LDAP : mode;
    }

    private static Map<String, List<Role>> copy(Map<String, List<Role>> groups) {
        Map<String, List<Role>> copy = new LinkedHashMap<>();
        groups.forEach((group, roles) -> copy.put(group, roles == null ? List.of() : List.copyOf(roles)));
        return copy;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
