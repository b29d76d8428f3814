package jp.budgetledger.app.security.directory;

import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups of a directory user, each as an authority holding the group's DN (mapped to roles and departments by
 * {@link DirectoryUserMapper}): found by the group search (LDAP mode), or read from the user's {@code memberOf}
 * (Active Directory), at every sign-in.
 */
final class GroupAuthorities {

    private GroupAuthorities() {
    }

    /** Groups whose entries match {@code filter} ({0} the user's DN, {1} the name given) under {@code base}. */
    static LdapAuthoritiesPopulator search(ContextSource source, String base, String filter) {
        SpringSecurityLdapTemplate template = new SpringSecurityLdapTemplate(source);
        template.setIgnorePartialResultException(true);
        return (DirContextOperations user, String username) -> {
            Set<Map<String, List<String>>> groups = template.searchForMultipleAttributeValues(base, filter,
                    new String[]{user.getNameInNamespace(), username}, new String[]{"cn"});
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (Map<String, List<String>> group : groups) {
                List<String> dn = group.get(SpringSecurityLdapTemplate.DN_KEY);
                if (dn != null && !dn.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority(dn.get(0)));
                }
            }
            return authorities;
        };
    }

    /** The groups named in the user entry's {@code memberOf} (Active Directory: direct memberships). */
    static LdapAuthoritiesPopulator memberOf() {
        return (DirContextOperations user, String username) -> {
            String[] groups = user.getStringAttributes("memberOf");
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            if (groups != null) {
                for (String group : groups) {
                    authorities.add(new SimpleGrantedAuthority(group));
                }
            }
            return authorities;
        };
    }
}
