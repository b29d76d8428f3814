package jp.budgetledger.app.security;

import jp.budgetledger.app.eventstore.EventHashes;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user name and password with bcrypt once, then remembers the success for a few minutes
 * under a salted SHA-256 of the credentials, so that API clients sending HTTP Basic on every
 * request do not pay bcrypt's deliberate cost (tens of milliseconds) each time. A wrong password
 * never matches a remembered entry; only successes are remembered, never the password itself.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final String salt;
    private final Clock clock;

    private record Remembered(Authentication authentication, Instant until) {
    }

    public CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        this.delegate = new DaoAuthenticationProvider(encoder);
        this.delegate.setUserDetailsService(users);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.salt = HexFormat.of().formatHex(random);
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = key(authentication);
        Instant now = clock.instant();
        Remembered entry = key == null ? null : remembered.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (key != null && result != null && result.isAuthenticated()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(result, now.plus(REMEMBER)));
        }
        return result;
    }

    private String key(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return null;
        }
        return EventHashes.sha256((salt + '\n' + authentication.getName() + '\n' + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
