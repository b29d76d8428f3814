package jp.budgetledger.app.security;

import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;

/**
 * The rule of every endpoint: which role it needs ({@code null}: open to anyone). The security
 * configuration is built from this list, and a test checks that every request mapping of the
 * application has a rule here, so an endpoint added without one fails the build (and is denied
 * to everyone at run time).
 */
public final class EndpointRules {

    /** One endpoint: its method, its path pattern as mapped, and the role it needs, or any of {@code alsoAllowed} instead. */
    public record Rule(HttpMethod method, String pattern, Role role, List<Role> alsoAllowed) {

        public Rule {
            alsoAllowed = List.copyOf(alsoAllowed);
        }

        public Rule(HttpMethod method, String pattern, Role role) {
            this(method, pattern, role, List.of());
        }

        /** Every role that may call the endpoint; empty when it is open to anyone. */
        public List<Role> roles() {
            if (role == null) {
                return List.of();
            }
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(role), alsoAllowed.stream()).toList();
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/actuator/health", null),
            new Rule(HttpMethod.GET, "/actuator/health/**", null),
            new Rule(HttpMethod.GET, "/actuator/info", Role.VIEWER),
            new Rule(HttpMethod.GET, "/actuator/prometheus", Role.ADMIN),
            new Rule(HttpMethod.GET, "/v3/api-docs", Role.VIEWER),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", Role.VIEWER),
            new Rule(HttpMethod.GET, "/swagger-ui.html", Role.VIEWER),
            new Rule(HttpMethod.GET, "/swagger-ui/**", Role.VIEWER),

            new Rule(HttpMethod.GET, "/api/me", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/fiscal-years", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/fiscal-years/{fiscalYear}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals/departments", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals/categories", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals/tree", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals/subjects", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/totals/balance", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/initiatives", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/initiatives/{id}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/betsu", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/stages", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/table1", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/detail", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/current-budget", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/supplementary-budgets", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/approvals", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/approvals/{id}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/approvals/{id}/history", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/general-provisions/{fiscalYear}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/supplementary-budgets/{id}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/supplementary-budgets/{id}/summary", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/carryovers", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/carryover-limits", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/debt-commitments", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/debt-commitments/{id}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/debt-commitments", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/continuing-expenses", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/continuing-expenses/{id}", Role.VIEWER),
            new Rule(HttpMethod.GET, "/api/reports/continuing-expenses", Role.VIEWER),

            new Rule(HttpMethod.GET, "/api/initiatives/{id}/history", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/events", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/digest", Role.AUDITOR),
            new Rule(HttpMethod.POST, "/api/audit/replays", Role.AUDITOR),
            new Rule(HttpMethod.POST, "/api/audit/verify", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/tree-head", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/tree-heads", Role.AUDITOR),
            new Rule(HttpMethod.POST, "/api/audit/tree-heads", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/public-key", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/proofs/inclusion", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/proofs/consistency", Role.AUDITOR),
            new Rule(HttpMethod.GET, "/api/audit/tree-leaves", Role.AUDITOR),

            new Rule(HttpMethod.POST, "/api/initiatives", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/initiatives/{id}/amendments", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/initiatives/{id}/withdrawals", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/initiatives/{id}/revisions", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/initiatives/{id}/reassignments", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/initiatives/{id}/corrections", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/transfers", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/reserve-fund-uses", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/general-provisions/{fiscalYear}/transfer-clauses", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/general-provisions/{fiscalYear}/barred-setsu", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/supplementary-budgets", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/supplementary-budgets/{id}/resolutions", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/supplementary-budgets/{id}/assembly-reports", Role.OFFICER),
            new Rule(HttpMethod.PUT, "/api/initiatives/{id}/carryover-limit", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/carryovers", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/debt-commitments", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/debt-commitments/{id}/amendments", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/debt-commitments/{id}/abolitions", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/continuing-expenses", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/continuing-expenses/{id}/carry-forward", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/imports", Role.OFFICER),
            new Rule(HttpMethod.POST, "/api/imports/budget-csv", Role.OFFICER),

            new Rule(HttpMethod.POST, "/api/approvals/{id}/approve", Role.APPROVER),
            new Rule(HttpMethod.POST, "/api/approvals/{id}/reject", Role.APPROVER),
            new Rule(HttpMethod.POST, "/api/fiscal-years/{fiscalYear}/close", Role.APPROVER, List.of(Role.ADMIN)),
            new Rule(HttpMethod.POST, "/api/fiscal-years/{fiscalYear}/reopen", Role.APPROVER, List.of(Role.ADMIN)),

            new Rule(HttpMethod.POST, "/api/admin/projections/{name}/rebuild", Role.ADMIN),
            new Rule(HttpMethod.GET, "/api/admin/projections", Role.ADMIN));

    private EndpointRules() {
    }

    public static Optional<Rule> of(HttpMethod method, String pattern) {
        return RULES.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern)).findFirst();
    }
}
