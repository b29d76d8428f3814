package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.security.LedgerUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the pages need to know about the session: who is logged in (the fiscal years: {@link FiscalYearController}). */
@RestController
@Tag(name = "session")
class SessionController {

    /** {@code displayName}: the directory's name of the user beside the user name (null for users of the configuration). */
    record Me(String name, List<String> roles, List<String> departments, String displayName) {
    }

    @Operation(summary = "Who is signed in", description = "The user's name, roles and, for officers limited to some, departments.")
    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        List<String> departments = authentication.getPrincipal() instanceof LedgerUser user ? user.departments() : List.of();
        String displayName = authentication.getPrincipal() instanceof LedgerUser user ? user.displayName() : null;
        return new Me(authentication.getName(), roles, departments, displayName);
    }
}
