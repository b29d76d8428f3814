package jp.budgetledger.app.security.oidc;

import jp.budgetledger.app.logging.LogSafe;
import jp.budgetledger.app.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's view of a token's claims: the stable user name, the display name, the roles (by {@code role-values}, or
 * the role names themselves) and the departments. A token that gives no user name or no role, or an officer no
 * department where departments come from a claim, is refused (empty).
 */
final class ClaimRights {

    /** The user a token stands for. */
    record Claimed(String name, String displayName, Set<Role> roles, List<String> departments) {
    }

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");
    private final OidcSettings settings;

    ClaimRights(OidcSettings settings) {
        this.settings = settings;
    }

    Optional<Claimed> of(Map<String, Object> claims) {
        Object name = claims.get(settings.usernameClaim());
        String user = name == null ? null : name.toString().strip();
        if (user == null || user.isEmpty()) {
            return refuse(String.valueOf(claims.get("sub")), "no " + settings.usernameClaim() + " claim");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims.get(settings.rolesClaim()))) {
            if (settings.roleValues().isEmpty()) {
                java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(value.toUpperCase(Locale.ROOT))).forEach(roles::add);
            } else {
                settings.roleValues().forEach((mapped, given) -> {
                    if (mapped.equalsIgnoreCase(value)) {
                        roles.addAll(given);
                    }
                });
            }
        }
        if (roles.isEmpty()) {
            return refuse(user, "no role in the " + settings.rolesClaim() + " claim");
        }
        List<String> departments = List.of();
        if (settings.departmentsClaim() != null) {
            List<String> given = values(claims.get(settings.departmentsClaim()));
            departments = given.contains("*") ? List.of() : given;
            if (given.isEmpty() && (roles.contains(Role.OFFICER) || roles.contains(Role.APPROVER))) {
                return refuse(user, "an officer given no department in the " + settings.departmentsClaim() + " claim");
            }
        }
        Object display = claims.get(settings.displayNameClaim());
        return Optional.of(new Claimed(user, display == null || display.toString().isBlank() ? null : display.toString().strip(),
                roles, departments));
    }

    private static List<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v).strip()));
        } else if (claim != null) {
            for (String v : claim.toString().split("[,\\s]+")) {
                values.add(v.strip());
            }
        }
        values.remove("");
        return List.copyOf(values);
    }

    private static Optional<Claimed> refuse(String user, String why) {
        log.warn("OpenID Connect user {} refused: {} [request {}]", LogSafe.text(user), why, org.slf4j.MDC.get("requestId"));
        return Optional.empty();
    }
}
