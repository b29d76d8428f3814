package jp.budgetledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * HTTP Basic on every endpoint, stateless, each endpoint's role from {@link EndpointRules},
 * anything without a rule denied; security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDirectory userDirectory(SecuritySettings settings, LedgerProperties properties, PasswordEncoder encoder,
                                ObjectProvider<io.zonky.test.db.postgres.embedded.EmbeddedPostgres> embedded) {
        if (!settings.users().isEmpty()) {
            return UserDirectory.configured(settings);
        }
        if (embedded.getIfAvailable() == null) {
            throw new IllegalStateException("No users configured: set ledger.security.users (demo users are made only on the embedded database)");
        }
        return UserDirectory.demo(properties, encoder);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_OFFICER > ROLE_VIEWER
                ROLE_AUDITOR > ROLE_VIEWER
                ROLE_ADMIN > ROLE_VIEWER
                """);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll();
                    for (EndpointRules.Rule rule : EndpointRules.RULES) {
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = requests.requestMatchers(rule.method(), rule.pattern());
                        if (rule.role() == null) {
                            url.permitAll();
                        } else {
                            url.hasRole(rule.role().name());
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .formLogin(form -> form.disable())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    @EventListener
    void failedLogin(AuthenticationFailureBadCredentialsEvent event) {
        log.warn("Failed login for user {}: {}", event.getAuthentication().getName(), event.getException().getMessage());
    }
}
