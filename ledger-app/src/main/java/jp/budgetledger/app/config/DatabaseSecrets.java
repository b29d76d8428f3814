package jp.budgetledger.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded database's passwords, one file per role in {@code <ledger.data-dir>/secrets}
 * ({@code <role>.password}, readable by the owner only, in a directory only the owner may enter).
 * A password is generated at random the first time it is asked for and the same one is read
 * every time after.
 */
public final class DatabaseSecrets {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private DatabaseSecrets(Path directory) {
        this.directory = directory;
    }

    /** The secrets of the ledger whose data directory is {@code dataDir}; the directory is created (0700) when missing. */
    public static DatabaseSecrets of(Path dataDir) {
        Path directory = dataDir.resolve("secrets").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secrets directory " + directory, e);
        }
        return new DatabaseSecrets(directory);
    }

    /** The file holding {@code role}'s password. */
    public Path file(String role) {
        return directory.resolve(role + ".password");
    }

    /** {@code role}'s password: read from its file, or generated and written there (0600) when the file does not exist. */
    public String password(String role) {
        Path file = file(role);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                RANDOM.nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                    Files.writeString(file, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException e) {
                    // written by a process that started at the same moment: use its password
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("the password file " + file + " is empty; delete it only together with the database it belongs to");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the password file " + file, e);
        }
    }
}
