package jp.budgetledger.app.security;

import jp.budgetledger.core.api.InitiativeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The authenticated user of the current request, and the early department check of officers: a
 * command on a line, or creating a line, in a department the user is not given is refused before it is sent.
 * A line's department is read from the command side's own record (updated in the same
 * transaction as every move), never from a projection that may lag. The authority is the line itself: the user's
 * departments travel on the command ({@link #departments()}) and every line refuses, inside the command's unit of work,
 * a change from a user limited to other departments.
 */
@Component
public class CurrentUser {

    private final JdbcClient jdbc;

    public CurrentUser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user");
        }
        return authentication.getName();
    }

    /** The display name of a directory user, kept beside {@link #name()} on the events; null for other users. */
    public String displayName() {
        return user().map(LedgerUser::displayName).orElse(null);
    }

    /** Whether the user was given {@code role} itself (not merely a role that includes it). */
    public boolean has(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    private Optional<LedgerUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LedgerUser user ? Optional.of(user) : Optional.empty();
    }

    /** The departments the user is limited to; empty when the user may act for every department. */
    public List<String> departments() {
        return user().map(LedgerUser::departments).orElse(List.of());
    }

    /** @throws DepartmentForbiddenException when the user is limited to other departments */
    public void requireDepartment(String department) {
        user().ifPresent(user -> {
            if (!user.mayActFor(department)) {
                throw new DepartmentForbiddenException(user.getUsername(), department);
            }
        });
    }

    /** Like {@link #requireDepartment} for the department the line belongs to now (unknown lines pass: they are 404 later). */
    public void requireLine(InitiativeId line) {
        if (user().map(u -> u.departments().isEmpty()).orElse(true)) {
            return;
        }
        jdbc.sql("SELECT department_key FROM initiative_key WHERE initiative_id = ?")
                .param(line.value())
                .query(String.class)
                .optional()
                .ifPresent(this::requireDepartment);
    }

    /** The user may not act for a department. */
    public static class DepartmentForbiddenException extends RuntimeException {
        public DepartmentForbiddenException(String user, String department) {
            super(user + " may not change lines of " + department);
        }
    }
}
