package jp.budgetledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.cluster.ProjectionRebuilds;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * While a projection is being rebuilt its figures are incomplete: every API read says so with
 * {@code X-Ledger-Rebuilding: <projections>} and a {@code Warning} header.
 */
@Component
class RebuildNotice extends OncePerRequestFilter {

    private final ProjectionRebuilds rebuilds;

    RebuildNotice(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> rebuilding = rebuilds.rebuilding();
        if (!rebuilding.isEmpty()) {
            response.setHeader("X-Ledger-Rebuilding", String.join(",", rebuilding));
            response.setHeader("Warning", "199 budget-ledger \"figures are being rebuilt: " + String.join(",", rebuilding) + "\"");
        }
        chain.doFilter(request, response);
    }
}
