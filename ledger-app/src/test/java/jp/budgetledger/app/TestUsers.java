package jp.budgetledger.app;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;

/**
 * The users of the integration tests, configured through {@code ledger.security.users} as an
 * operator would. All share {@link #PASSWORD} (hashed with a low bcrypt cost to keep tests quick).
 * Officers named after the actors the tests record also audit, so that one user can write and check.
 */
public final class TestUsers {

    public static final String PASSWORD = "secret-pw";
    public static final String DEFAULT = "test-officer";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    /** name, roles, departments (empty: all). */
    private record User(String name, List<String> roles, List<String> departments) {
    }

    private static final List<String> WRITER = List.of("OFFICER", "AUDITOR");
    private static final List<User> USERS = List.of(
            new User(DEFAULT, List.of("OFFICER", "AUDITOR", "ADMIN"), List.of()),
            new User("tanaka", WRITER, List.of()), new User("suzuki", WRITER, List.of()), new User("sato", WRITER, List.of()),
            new User("officer", WRITER, List.of()), new User("finance-officer", WRITER, List.of()), new User("thread", WRITER, List.of()),
            new User("a", WRITER, List.of()), new User("b", WRITER, List.of()), new User("o", WRITER, List.of()),
            new User("山田太郎", WRITER, List.of()), new User("yamada", WRITER, List.of()),
            new User("only-officer", List.of("OFFICER"), List.of()),
            new User("auditor", List.of("AUDITOR"), List.of()),
            new User("viewer", List.of("VIEWER"), List.of()),
            new User("admin", List.of("ADMIN"), List.of()),
            new User("approver", List.of("APPROVER"), List.of()),
            new User("kacho", List.of("APPROVER"), List.of()),
            new User("approving-officer", List.of("OFFICER", "APPROVER"), List.of()),
            new User("soumu-officer", List.of("OFFICER"), List.of("総務部")),
            new User("soumu-approver", List.of("APPROVER"), List.of("総務部")),
            new User("multi-officer", List.of("OFFICER"), List.of("総務部", "出納局")));

    private TestUsers() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        for (int i = 0; i < USERS.size(); i++) {
            User user = USERS.get(i);
            String prefix = "ledger.security.users[" + i + "].";
            registry.add(prefix + "name", user::name);
            registry.add(prefix + "password-hash", () -> HASH);
            for (int r = 0; r < user.roles().size(); r++) {
                int index = r;
                registry.add(prefix + "roles[" + r + "]", () -> user.roles().get(index));
            }
            for (int d = 0; d < user.departments().size(); d++) {
                int index = d;
                registry.add(prefix + "departments[" + d + "]", () -> user.departments().get(index));
            }
        }
    }

    /** The same users as command-line arguments, for applications started outside the test context. */
    public static List<String> arguments() {
        List<String> arguments = new java.util.ArrayList<>();
        for (int i = 0; i < USERS.size(); i++) {
            User user = USERS.get(i);
            String prefix = "--ledger.security.users[" + i + "].";
            arguments.add(prefix + "name=" + user.name());
            arguments.add(prefix + "password-hash=" + HASH);
            for (int r = 0; r < user.roles().size(); r++) {
                arguments.add(prefix + "roles[" + r + "]=" + user.roles().get(r));
            }
            for (int d = 0; d < user.departments().size(); d++) {
                arguments.add(prefix + "departments[" + d + "]=" + user.departments().get(d));
            }
        }
        return arguments;
    }
}
