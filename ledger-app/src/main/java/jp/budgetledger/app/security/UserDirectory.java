package jp.budgetledger.app.security;

import jp.budgetledger.app.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The users who may log in. Configured users ({@code ledger.security.users}) when there are any;
 * otherwise, on the embedded database, demo users officer, auditor, viewer, admin and approver whose random
 * passwords are written once to {@code <data-dir>/demo-credentials.txt} (readable by its owner
 * only) and read back on later starts; a demo user the file does not name yet (one added in a later
 * version) is given a password appended to it. The log names that file, never a password.
 */
public class UserDirectory implements UserDetailsService {

    static final String DEMO_FILE = "demo-credentials.txt";
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private static final Map<String, Role> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("officer", Role.OFFICER);
        DEMO_USERS.put("auditor", Role.AUDITOR);
        DEMO_USERS.put("viewer", Role.VIEWER);
        DEMO_USERS.put("admin", Role.ADMIN);
        DEMO_USERS.put("approver", Role.APPROVER);
    }

    /**
     * Where the demo users' passwords are hashed, on a daemon thread of its own: bcrypt of five passwords took about a second of a
     * start's main thread, and nothing needs them before the first sign-in, which waits for them.
     */
    private static final Executor HASHING = task -> {
        Thread thread = new Thread(task, "demo-password-hashing");
        thread.setDaemon(true);
        thread.start();
    };

    private final Map<String, LedgerUser> configured = new HashMap<>();
    /** The users once their passwords are hashed: at once for configured users, in the background for the demo users. */
    private CompletableFuture<Map<String, LedgerUser>> users = CompletableFuture.completedFuture(configured);

    private UserDirectory() {
    }

    public static UserDirectory configured(SecuritySettings settings) {
        UserDirectory directory = new UserDirectory();
        for (SecuritySettings.UserEntry entry : settings.users()) {
            if (entry.name() == null || entry.name().isBlank() || entry.passwordHash() == null || !entry.passwordHash().startsWith("$2")) {
                throw new IllegalStateException("ledger.security.users: each user needs a name and a bcrypt passwordHash ($2a$…)");
            }
            if (entry.roles().isEmpty()) {
                throw new IllegalStateException("ledger.security.users: user " + entry.name() + " has no roles");
            }
            directory.configured.put(entry.name(), new LedgerUser(entry.name(), "{bcrypt}" + entry.passwordHash(), entry.roles(),
                    entry.departments()));
        }
        return directory;
    }

    public static UserDirectory demo(LedgerProperties properties, PasswordEncoder encoder) {
        Path file = properties.dataDir().resolve(DEMO_FILE).toAbsolutePath().normalize();
        Map<String, String> passwords = Files.exists(file) ? read(file) : write(file);
        List<String> missing = DEMO_USERS.keySet().stream().filter(name -> !passwords.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            passwords.putAll(append(file, missing));
        }
        UserDirectory directory = new UserDirectory();
        directory.users = CompletableFuture.supplyAsync(() -> {
            Map<String, LedgerUser> demo = new HashMap<>();
            DEMO_USERS.forEach((name, role) -> demo.put(name, new LedgerUser(name, encoder.encode(passwords.get(name)), List.of(role), List.of())));
            return demo;
        }, HASHING);
        log.info("No users configured (ledger.security.users): demo users {}; their passwords are in {}",
                String.join(", ", DEMO_USERS.keySet()), file);
        return directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LedgerUser user = users.join().get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new LedgerUser(user.getUsername(), user.getPassword(),
                user.getAuthorities().stream().map(a -> Role.valueOf(a.getAuthority().substring(5))).toList(), user.departments());
    }

    private static Map<String, String> newPasswords(Iterable<String> names, StringBuilder text) {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String name : names) {
            byte[] bytes = new byte[15];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            passwords.put(name, password);
            text.append(name).append(' ').append(password).append('\n');
        }
        return passwords;
    }

    private static Map<String, String> append(Path file, List<String> names) {
        StringBuilder text = new StringBuilder();
        Map<String, String> passwords = newPasswords(names, text);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return passwords;
    }

    private static Map<String, String> write(Path file) {
        StringBuilder text = new StringBuilder("# Budget Ledger demo users (created on first start; delete this file to make new ones)\n");
        Map<String, String> passwords = newPasswords(DEMO_USERS.keySet(), text);
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return passwords;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> passwords = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !line.startsWith("#")) {
                    passwords.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return passwords;
    }
}
