package jp.budgetledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ledger.security.users}: the users who may log in, each with a bcrypt password hash, roles
 * and, for officers limited to some departments, those departments (empty: all). Settable from
 * environment variables too, e.g. {@code LEDGER_SECURITY_USERS_0_NAME}.
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(List<UserEntry> users) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One configured user. */
    public record UserEntry(String name, String passwordHash, List<Role> roles, List<String> departments) {
        public UserEntry {
            roles = roles == null ? List.of() : List.copyOf(roles);
            departments = departments == null ? List.of() : List.copyOf(departments);
        }
    }
}
