package jp.budgetledger.app.merkle;

import jp.budgetledger.verifier.PublicKeys;
import jp.budgetledger.verifier.TreeHead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The Ed25519 key that signs tree heads, kept outside the database: a PEM file holding the PKCS#8 private key
 * ({@code -----BEGIN PRIVATE KEY-----}) followed by its public key, owner-only (0600) in an owner-only directory
 * (0700), generated when missing; the public key alone is written beside it as {@value #PUBLIC_FILE}. A key file
 * holding only the private key (as {@code openssl genpkey -algorithm ed25519} writes it) is read with the public key
 * file beside it.
 */
public final class SigningKey {

    public static final String KEY_FILE = "tree-head-signing-key.pem";
    public static final String PUBLIC_FILE = "tree-head-public-key.pem";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = PublicKeys.keyId(publicKey);
    }

    /**
     * The key in {@code file}, generated there first when the file does not exist.
     *
     * @throws IllegalStateException when the file holds no usable Ed25519 key pair
     */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            SigningKey key = load(file);
            Path publicFile = file.toAbsolutePath().getParent().resolve(PUBLIC_FILE);
            if (!Files.exists(publicFile)) {
                Files.writeString(publicFile, key.publicKeyPem(), StandardCharsets.US_ASCII);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the tree-head signing key " + file, e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** {@link PublicKeys#keyId} of the public key. */
    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return PublicKeys.toPem(publicKey);
    }

    /** The tree head of {@code treeSize} leaves with {@code root}, signed now. */
    public TreeHead sign(long treeSize, byte[] root, String timestamp) {
        return TreeHead.sign(treeSize, root, timestamp, publicKey, privateKey);
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            } else {
                Files.createDirectories(directory);
            }
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair.getPrivate().getEncoded()) + "\n" + END
                + "\n" + PublicKeys.toPem(pair.getPublic());
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                return;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        Files.writeString(directory.resolve(PUBLIC_FILE), PublicKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
    }

    private static SigningKey load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " holds no PEM private key (" + BEGIN + ")");
        }
        PrivateKey privateKey;
        try {
            byte[] der = Base64.getDecoder().decode(text.substring(begin + BEGIN.length(), end).replaceAll("\\s", ""));
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds no Ed25519 private key: " + e.getMessage(), e);
        }
        String rest = text.substring(end + END.length());
        Path publicFile = file.toAbsolutePath().getParent().resolve(PUBLIC_FILE);
        String publicPem = rest.contains("-----BEGIN PUBLIC KEY-----") ? rest
                : Files.exists(publicFile) ? Files.readString(publicFile, StandardCharsets.US_ASCII) : null;
        if (publicPem == null) {
            throw new IllegalStateException(file + " holds no public key and " + publicFile + " is missing");
        }
        SigningKey key = new SigningKey(privateKey, PublicKeys.fromPem(publicPem));
        TreeHead probe = key.sign(0, jp.budgetledger.verifier.MerkleTree.emptyRoot(), "1970-01-01T00:00:00Z");
        if (!probe.verifies(key.publicKey)) {
            throw new IllegalStateException("the public key beside " + file + " does not belong to its private key");
        }
        return key;
    }
}
