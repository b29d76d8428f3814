package jp.budgetledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final CachingAuthenticationProvider provider = provider();

    private CachingAuthenticationProvider provider() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("officer").password(bcrypt.encode("secret")).roles("EDITOR").build());
        return new CachingAuthenticationProvider(users, counting, nanos::get);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("officer", password);
    }

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnceWhileRemembered() {
        Authentication first = provider.authenticate(login("secret"));
        nanos.addAndGet(CachingAuthenticationProvider.REMEMBER.minusSeconds(1).toNanos());
        Authentication again = provider.authenticate(login("secret"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(again).isSameAs(first);
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aRememberedSuccessExpiresAndIsCheckedAgain() {
        provider.authenticate(login("secret"));
        nanos.addAndGet(CachingAuthenticationProvider.REMEMBER.plus(Duration.ofSeconds(1)).toNanos());
        Authentication again = provider.authenticate(login("secret"));

        assertThat(again.isAuthenticated()).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordNeverMatchesARememberedSuccess() {
        provider.authenticate(login("secret"));

        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }
}
