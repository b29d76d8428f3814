package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.security.LedgerUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;

/**
 * What the pages need to know about the session: who is logged in, and the time zone the ledger's days and times are
 * in ({@code ledger.calendar.zone}), which the pages show every time in (the fiscal years: {@link FiscalYearController}).
 */
@RestController
@Tag(name = "session")
class SessionController {

    /**
     * {@code displayName}: the directory's name of the user beside the user name (null for users of the configuration);
     * {@code zone}: the time zone of the ledger's calendar.
     */
    record Me(String name, List<String> roles, List<String> departments, String zone, String displayName) {
    }

    private final ZoneId zone;

    SessionController(@Value("${ledger.calendar.zone:Asia/Tokyo}") ZoneId zone) {
        this.zone = zone;
    }

    @Operation(summary = "Who is signed in", description = "The user's name, roles and, for officers limited to some, departments; "
            + "zone is the time zone of the ledger's calendar (Asia/Tokyo unless configured), in which the pages show times.")
    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        List<String> departments = authentication.getPrincipal() instanceof LedgerUser user ? user.departments() : List.of();
        String displayName = authentication.getPrincipal() instanceof LedgerUser user ? user.displayName() : null;
        return new Me(authentication.getName(), roles, departments, zone.getId(), displayName);
    }
}
