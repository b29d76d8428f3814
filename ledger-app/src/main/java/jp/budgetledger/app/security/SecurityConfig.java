package jp.budgetledger.app.security;

import jp.budgetledger.app.logging.LogSafe;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.github.benmanes.caffeine.cache.Ticker;
import jp.budgetledger.app.security.directory.DirectorySignIn;
import jp.budgetledger.app.security.directory.LdapSettings;
import jp.budgetledger.app.security.oidc.OidcSettings;
import jp.budgetledger.app.security.oidc.OidcSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Each endpoint's role from {@link EndpointRules}, anything without a rule denied; security
 * headers on every response. API clients log in with HTTP Basic on every request and get their
 * own stateless chain (no session, no CSRF token needed: nothing is sent on their behalf automatically). The web pages log in with a
 * form and a session; their writes carry the CSRF token from the {@code XSRF-TOKEN} cookie in the
 * {@code X-XSRF-TOKEN} header (an API request with no session has nothing to forge, and gets 401). Browsers are never sent a Basic challenge, so they never cache
 * Basic credentials that a forged request could ride on. With an OpenID Connect provider ({@code ledger.security.oidc}) the
 * API also takes its bearer JWTs, and a page visited without a session goes to the provider's login.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The password source (the directory of {@code ledger.security.ldap}, else the users of {@code ledger.security.users}, else
     * none when users sign in through OpenID Connect, else on the embedded database the demo users), its sign-ins logged,
     * behind the lockout of {@code ledger.security.lockout}.
     */
    @Bean
    SignInGuard authenticationProvider(SecuritySettings settings, LdapSettings ldap, OidcSettings oidc, LockoutSettings lockout,
                                       LedgerProperties properties, PasswordEncoder encoder,
                                       ObjectProvider<io.zonky.test.db.postgres.embedded.EmbeddedPostgres> embedded) {
        Ticker ticker = Ticker.systemTicker();
        AuthenticationProvider source;
        if (ldap.enabled()) {
            if (!settings.users().isEmpty()) {
                throw new IllegalStateException("Both ledger.security.ldap and ledger.security.users are set: configure one user source");
            }
            AuthenticationProvider directory = SignInGuard.logged(DirectorySignIn.provider(ldap), "the directory");
            source = ldap.rememberSignIn().isZero() ? directory : new CachingAuthenticationProvider(directory, ldap.rememberSignIn(), ticker);
        } else if (!settings.users().isEmpty()) {
            log.info("User source: {} users of ledger.security.users", settings.users().size());
            source = cached(UserDirectory.configured(settings), "ledger.security.users", encoder, ticker);
        } else if (oidc.enabled()) {
            log.info("Passwords: none (no ledger.security.users nor ledger.security.ldap); users sign in through OpenID Connect only");
            source = NO_PASSWORDS;
        } else if (embedded.getIfAvailable() == null) {
            throw new IllegalStateException("No users configured: set ledger.security.users (demo users are made only on the embedded database)");
        } else {
            log.info("User source: the embedded database's demo users");
            source = cached(UserDirectory.demo(properties, encoder), "the demo users", encoder, ticker);
        }
        log.info("Sign-in lockout: {} failed sign-ins of a user name within {} lock it for {}", lockout.maxFailures(), lockout.window(),
                lockout.lockDuration());
        return new SignInGuard(source, lockout, ticker);
    }

    /** The password source when users sign in through OpenID Connect only: every password is wrong. */
    private static final AuthenticationProvider NO_PASSWORDS = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            throw new BadCredentialsException("Bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    /** The OpenID Connect provider of {@code ledger.security.oidc}, read from its issuer at start. */
    @Bean
    @ConditionalOnProperty("ledger.security.oidc.issuer-uri")
    OidcSignIn oidcSignIn(OidcSettings settings) {
        return OidcSignIn.of(settings);
    }

    private static AuthenticationProvider cached(UserDirectory users, String name, PasswordEncoder encoder, Ticker ticker) {
        return new CachingAuthenticationProvider(SignInGuard.logged(CachingAuthenticationProvider.dao(users, encoder), name),
                CachingAuthenticationProvider.REMEMBER, ticker);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_OFFICER > ROLE_VIEWER
                ROLE_AUDITOR > ROLE_VIEWER
                ROLE_ADMIN > ROLE_VIEWER
                ROLE_APPROVER > ROLE_VIEWER
                """);
    }

    /**
     * Requests that carry credentials (API clients, HTTP Basic on every request): stateless, no
     * session and no CSRF cookie are created for them.
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain apiClientFilterChain(HttpSecurity http, ObjectMapper json, ObjectProvider<OidcSignIn> oidc) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null);
        rules(http);
        OidcSignIn provider = oidc.getIfAvailable();
        if (provider != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(provider.decoder()).jwtAuthenticationConverter(provider.bearer()))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: the web pages with form login and a session, and API requests without credentials. */
    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, ObjectProvider<OidcSignIn> oidc) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        OidcSignIn provider = oidc.getIfAvailable();
        if (provider != null) {
            http.oauth2Login(login -> login.clientRegistrationRepository(provider.registrations()).loginPage(WebPages.LOGIN_PAGE)
                    .userInfoEndpoint(users -> users.oidcUserService(provider.users()))
                    .defaultSuccessUrl("/", false).failureUrl(WebPages.LOGIN_PAGE + "?error"));
        }
        String signIn = provider == null ? WebPages.LOGIN_PAGE : OidcSignIn.LOGIN;
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);
        rules(http);
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.loginPage(WebPages.LOGIN_PAGE).loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false).failureUrl(WebPages.LOGIN_PAGE + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(WebPages.LOGIN_PAGE + "?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(signIn), WebPages::isPageNavigation)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/api/") && request.getRequestedSessionId() == null))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Each endpoint's role, anything else denied, and the security headers: the same for both chains. */
    private static void rules(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll();
                    requests.requestMatchers(HttpMethod.GET, WebPages.PUBLIC).permitAll();
                    requests.requestMatchers(HttpMethod.GET, WebPages.PAGES).hasRole(Role.VIEWER.name());
                    for (EndpointRules.Rule rule : EndpointRules.RULES) {
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = requests.requestMatchers(rule.method(), rule.pattern());
                        if (rule.role() == null) {
                            url.permitAll();
                        } else {
                            url.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    @EventListener
    void failedLogin(AuthenticationFailureBadCredentialsEvent event) {
        log.warn("Failed login for user {}: {}", LogSafe.text(event.getAuthentication().getName()),
                LogSafe.text(event.getException().getMessage()));
    }
}
