package jp.budgetledger.app.security;

import jakarta.servlet.http.HttpServletRequest;

/** The web pages, their public assets, and how a browser's requests are told from an API client's. */
public final class WebPages {

    public static final String LOGIN_PAGE = "/login.html";
    /** Needed before login: the login page and the pages' static assets. */
    static final String[] PUBLIC = {LOGIN_PAGE, "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg"};
    /** The pages themselves (each reads the API as the logged-in user). */
    static final String[] PAGES = {"/", "/index.html", "/subjects.html", "/lines.html", "/line.html", "/officer.html", "/audit.html", "/bills.html",
            "/approvals.html", "/provisions.html", "/years.html", "/carryovers.html", "/continuing.html", "/debts.html", "/current.html"};

    private WebPages() {
    }

    /** A browser navigating to a page (not a script's request): sent to the login page rather than given a 401. */
    static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/")
                && request.getHeader("X-Requested-With") == null;
    }

    /** A request from a browser or the pages' scripts, which must never get a Basic challenge. */
    static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("X-Requested-With") != null || (accept != null && accept.contains("text/html"));
    }
}
