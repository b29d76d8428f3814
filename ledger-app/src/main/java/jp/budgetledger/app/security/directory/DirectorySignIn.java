package jp.budgetledger.app.security.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in against the directory of {@link LdapSettings}: Spring Security's {@link LdapAuthenticationProvider} (bind
 * as the user found by the user search, groups by the group search) or {@link ActiveDirectoryLdapAuthenticationProvider}
 * (bind as {@code user@domain}, groups from {@code memberOf}), each making the ledger user from the directory at every
 * sign-in. {@link #provider} first checks the settings and that the directory answers (and accepts the bind user),
 * and stops the service with a clear message otherwise: never a door left open or shut by accident.
 */
public final class DirectorySignIn {

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    private DirectorySignIn() {
    }

    /** The checked provider of {@code settings} (which must be {@link LdapSettings#enabled() enabled}). */
    public static AuthenticationProvider provider(LdapSettings settings) {
        validate(settings);
        if (settings.trustStore() != null) {
            DirectoryTls.trust(settings.trustStore(), settings.trustStorePassword(), settings.trustStoreType());
        } else {
            DirectoryTls.trustJvmDefaults();
        }
        DirectoryRights rights = new DirectoryRights(settings.roleGroups(), settings.departmentGroups());
        DirectoryUserMapper mapper = new DirectoryUserMapper(rights, settings);
        DefaultSpringSecurityContextSource source = contextSource(settings);
        check(settings, source);
        if (settings.effectiveMode() == LdapSettings.Mode.ACTIVE_DIRECTORY) {
            ActiveDirectoryLdapAuthenticationProvider ad = new ActiveDirectoryLdapAuthenticationProvider(settings.domain(),
                    String.join(" ", settings.urls()), settings.baseDn());
            ad.setSearchFilter(settings.userSearchFilter());
            ad.setContextEnvironmentProperties(new HashMap<>(environment(settings)));
            ad.setConvertSubErrorCodesToExceptions(true);
            ad.setAuthoritiesPopulator(GroupAuthorities.memberOf());
            ad.setUserDetailsContextMapper(mapper);
            log.info("User source: Active Directory {} (domain {}, search root {}); roles from groups: {}",
                    String.join(" ", settings.urls()), settings.domain(), settings.baseDn(), rights);
            return ad;
        }
        FilterBasedLdapUserSearch search = new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source);
        BindAuthenticator authenticator = new BindAuthenticator(source);
        authenticator.setUserSearch(search);
        LdapAuthenticationProvider ldap = new LdapAuthenticationProvider(authenticator,
                GroupAuthorities.search(source, settings.groupSearchBase(), settings.groupSearchFilter()));
        ldap.setUserDetailsContextMapper(mapper);
        log.info("User source: LDAP directory {} (base {}, users {} under '{}', groups {} under '{}'{}); roles from groups: {}",
                String.join(" ", settings.urls()), settings.baseDn(), settings.userSearchFilter(), settings.userSearchBase(),
                settings.groupSearchFilter(), settings.groupSearchBase(), settings.startTls() ? ", StartTLS" : "", rights);
        return ldap;
    }

    private static void validate(LdapSettings settings) {
        if (settings.urls().isEmpty()) {
            throw new IllegalStateException("ledger.security.ldap: no directory URL (ledger.security.ldap.urls)");
        }
        for (String url : settings.urls()) {
            if (!url.startsWith("ldap://") && !url.startsWith("ldaps://")) {
                throw new IllegalStateException("ledger.security.ldap.urls: " + url + " is not an ldap:// or ldaps:// URL");
            }
        }
        if (settings.baseDn().isEmpty()) {
            throw new IllegalStateException("ledger.security.ldap: no base DN (ledger.security.ldap.base-dn)");
        }
        if (settings.roleGroups().isEmpty() || settings.roleGroups().values().stream().allMatch(java.util.List::isEmpty)) {
            throw new IllegalStateException("ledger.security.ldap.role-groups: no group is mapped to a role, so nobody could sign in");
        }
        if (settings.bindDn() != null && (settings.bindPassword() == null || settings.bindPassword().isEmpty())) {
            throw new IllegalStateException("ledger.security.ldap: bind-dn " + settings.bindDn()
                    + " has no password (set LEDGER_SECURITY_LDAP_BIND_PASSWORD in the environment)");
        }
        if (settings.startTls() && settings.effectiveMode() == LdapSettings.Mode.ACTIVE_DIRECTORY) {
            throw new IllegalStateException("ledger.security.ldap.start-tls: not supported in active-directory mode; use ldaps:// URLs");
        }
    }

    private static Map<String, Object> environment(LdapSettings settings) {
        Map<String, Object> environment = new HashMap<>();
        String millis = String.valueOf(Math.max(1, settings.timeout().toMillis()));
        environment.put("com.sun.jndi.ldap.connect.timeout", millis);
        environment.put("com.sun.jndi.ldap.read.timeout", millis);
        if (settings.urls().stream().anyMatch(url -> url.startsWith("ldaps://"))) {
            environment.put("java.naming.ldap.factory.socket", DirectoryTls.class.getName());
        }
        return environment;
    }

    private static DefaultSpringSecurityContextSource contextSource(LdapSettings settings) {
        boolean ad = settings.effectiveMode() == LdapSettings.Mode.ACTIVE_DIRECTORY;
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(settings.urls(), ad ? "" : settings.baseDn());
        if (settings.bindDn() != null) {
            source.setUserDn(settings.bindDn());
            source.setPassword(settings.bindPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        if (settings.startTls()) {
            DefaultTlsDirContextAuthenticationStrategy tls = new DefaultTlsDirContextAuthenticationStrategy();
            tls.setSslSocketFactory(DirectoryTls.factory());
            tls.setShutdownTlsGracefully(true);
            source.setAuthenticationStrategy(tls);
            source.setPooled(false);
        }
        source.setBaseEnvironmentProperties(environment(settings));
        source.afterPropertiesSet();
        return source;
    }

    /** Connects (and binds as the bind user) once; with a bind user, also reads the base entry. */
    private static void check(LdapSettings settings, DefaultSpringSecurityContextSource source) {
        String as = settings.bindDn() == null ? "anonymously" : "as " + settings.bindDn();
        DirContext context;
        try {
            context = source.getReadOnlyContext();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ledger.security.ldap: cannot connect to the directory " + String.join(" ", settings.urls())
                    + " " + as + ": " + rootMessage(e) + " (the service does not start without its user source)", e);
        }
        try {
            if (settings.bindDn() != null && settings.effectiveMode() == LdapSettings.Mode.LDAP) {
                context.getAttributes("", new String[]{"objectClass"});
            }
        } catch (NamingException e) {
            throw new IllegalStateException("ledger.security.ldap: the directory answers, but base DN " + settings.baseDn()
                    + " cannot be read " + as + ": " + e.getMessage(), e);
        } finally {
            try {
                context.close();
            } catch (NamingException ignored) {
                // closing a checked connection
            }
        }
        log.info("Directory {} answered {} (base {})", String.join(" ", settings.urls()), as, settings.baseDn());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }
}
