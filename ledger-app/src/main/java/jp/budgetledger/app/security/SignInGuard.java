package jp.budgetledger.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jp.budgetledger.app.logging.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Counts failed sign-ins per user name (whether or not the user exists) and refuses a name for
 * {@link LockoutSettings#lockDuration()} once it failed {@link LockoutSettings#maxFailures()} times within
 * {@link LockoutSettings#window()}: a locked name is answered exactly as a bad password, whatever the password, so the
 * answer never tells whether the user exists or is locked. A success clears the count. The locks, and (through
 * {@link #logged}) each sign-in that the user source verified, go to the security log with the request id. Names are
 * counted without regard to case; at most {@value #MAX_NAMES} names are tracked (Caffeine evicts beyond that).
 */
public class SignInGuard implements AuthenticationProvider {

    static final int MAX_NAMES = 100_000;
    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    private final AuthenticationProvider delegate;
    private final LockoutSettings settings;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;
    private final Cache<String, Boolean> locked;

    public SignInGuard(AuthenticationProvider delegate, LockoutSettings settings, Ticker ticker) {
        this.delegate = delegate;
        this.settings = settings;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_NAMES).expireAfterWrite(settings.window().toNanos(), TimeUnit.NANOSECONDS)
                .ticker(ticker).build();
        this.locked = Caffeine.newBuilder().maximumSize(MAX_NAMES).expireAfterWrite(settings.lockDuration().toNanos(), TimeUnit.NANOSECONDS)
                .ticker(ticker).build();
    }

    /** {@code source}'s sign-ins, each that it verified logged with the user, the roles and the source. */
    public static AuthenticationProvider logged(AuthenticationProvider source, String name) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                Authentication result = source.authenticate(authentication);
                if (result != null && result.isAuthenticated()) {
                    String roles = result.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().collect(Collectors.joining(","));
                    String display = result.getPrincipal() instanceof LedgerUser user && user.displayName() != null
                            ? " (" + LogSafe.text(user.displayName()) + ")" : "";
                    log.info("Signed in {}{} from {} with {} [request {}]", LogSafe.text(result.getName()), display, name, roles, requestId());
                }
                return result;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return source.supports(authentication);
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = key(authentication.getName());
        if (locked.getIfPresent(name) != null) {
            log.warn("Sign-in of {} refused: locked after {} failed sign-ins [request {}]", LogSafe.text(authentication.getName()),
                    settings.maxFailures(), requestId());
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException | UsernameNotFoundException e) {
            failed(name, authentication.getName());
            throw e;
        }
        if (result != null && result.isAuthenticated()) {
            failures.invalidate(name);
        }
        return result;
    }

    private void failed(String name, String given) {
        long now = ticker.read();
        long window = settings.window().toNanos();
        int count = failures.asMap().merge(name, new Failures(now, 1),
                (known, one) -> now - known.since() > window ? one : new Failures(known.since(), known.count() + 1)).count();
        if (count >= settings.maxFailures()) {
            failures.invalidate(name);
            locked.put(name, Boolean.TRUE);
            log.warn("Sign-in of {} locked for {} after {} failed sign-ins within {} [request {}]", LogSafe.text(given),
                    settings.lockDuration(), count, settings.window(), requestId());
        }
    }

    /** The failures of a name since the first of them within the window. */
    private record Failures(long since, int count) {
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private static String requestId() {
        String id = MDC.get("requestId");
        return id == null ? "none" : id;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
