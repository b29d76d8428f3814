package jp.budgetledger.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jp.budgetledger.app.eventstore.EventHashes;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks a user name and password with bcrypt once, then remembers the success for a few minutes
 * under a salted SHA-256 of the credentials, so that API clients sending HTTP Basic on every
 * request do not pay bcrypt's deliberate cost (tens of milliseconds) each time. A wrong password
 * never matches a remembered entry; only successes are remembered, never the password itself.
 * At most {@value #MAX_ENTRIES} successes are remembered (Caffeine evicts beyond that). A directory's sign-in is
 * wrapped the same way for its own {@code remember-sign-in} (by default not at all, so that its rights are read at every
 * request).
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> remembered;
    private final String salt;

    /** Remembers successes for {@link #REMEMBER} as measured by {@code ticker} ({@link Ticker#systemTicker()} in service). */
    public CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, Ticker ticker) {
        this(dao(users, encoder), REMEMBER, ticker);
    }

    /** Remembers the successes of {@code delegate} for {@code remember}. */
    public CachingAuthenticationProvider(AuthenticationProvider delegate, Duration remember, Ticker ticker) {
        this.delegate = delegate;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.salt = HexFormat.of().formatHex(random);
        this.remembered = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(remember).ticker(ticker).build();
    }

    static AuthenticationProvider dao(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return dao;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = key(authentication);
        Authentication known = key == null ? null : remembered.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        if (key != null && result != null && result.isAuthenticated()) {
            remembered.put(key, result);
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
