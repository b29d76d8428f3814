package jp.budgetledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInGuardTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider source = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"secret".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final SignInGuard guard = new SignInGuard(source,
            new LockoutSettings(3, Duration.ofMinutes(15), Duration.ofMinutes(10)), nanos::get);

    private Authentication signIn(String name, String password) {
        return guard.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    private void fail(String name) {
        assertThatThrownBy(() -> signIn(name, "guess")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aNameIsLockedAfterTheFailuresWithinTheWindowUntilTheLockEnds() {
        fail("tanaka");
        fail("tanaka");
        fail("Tanaka");
        int before = checks.get();
        assertThatThrownBy(() -> signIn("tanaka", "secret")).isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(checks).as("a locked name is not even checked").hasValue(before);
        assertThat(signIn("suzuki", "secret").isAuthenticated()).isTrue();

        nanos.addAndGet(Duration.ofMinutes(10).plusSeconds(1).toNanos());
        assertThat(signIn("tanaka", "secret").isAuthenticated()).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        fail("sato");
        fail("sato");
        nanos.addAndGet(Duration.ofMinutes(15).plusSeconds(1).toNanos());
        fail("sato");
        fail("sato");
        assertThat(signIn("sato", "secret").isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessClearsTheCount() {
        fail("kato");
        fail("kato");
        signIn("kato", "secret");
        fail("kato");
        fail("kato");
        assertThat(signIn("kato", "secret").isAuthenticated()).isTrue();
    }
}
