package jp.budgetledger.app.merkle;

import jp.budgetledger.verifier.MerkleTree;
import jp.budgetledger.verifier.PublicKeys;
import jp.budgetledger.verifier.TreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree-head signing key: generated owner-only, read back as the same key, and signing heads its public key verifies. */
class SigningKeyTest {

    @TempDir
    Path temp;

    @Test
    void aMissingKeyIsGeneratedOwnerOnlyWithItsPublicKeyBeside() throws Exception {
        Path file = temp.resolve("data/secrets").resolve(SigningKey.KEY_FILE);
        SigningKey key = SigningKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        String publicPem = Files.readString(file.resolveSibling(SigningKey.PUBLIC_FILE));
        assertThat(publicPem).isEqualTo(key.publicKeyPem()).doesNotContain("PRIVATE");
        assertThat(PublicKeys.keyId(PublicKeys.fromPem(publicPem))).isEqualTo(key.keyId()).matches("[0-9a-f]{64}");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(SigningKey.KEY_FILE, SigningKey.PUBLIC_FILE);
        }

        SigningKey again = SigningKey.loadOrCreate(file);
        assertThat(again.keyId()).isEqualTo(key.keyId());
    }

    @Test
    void headsItSignsVerifyWithItsPublicKeyOnlyAndOnlyUnchanged() {
        SigningKey key = SigningKey.loadOrCreate(temp.resolve("k.pem"));
        byte[] root = MerkleTree.leafHash("x".getBytes(StandardCharsets.UTF_8));
        TreeHead head = key.sign(5, root, "2026-12-02T04:00:00.123Z");

        assertThat(head.keyId()).isEqualTo(key.keyId());
        assertThat(head.verifies(PublicKeys.fromPem(key.publicKeyPem()))).isTrue();
        assertThat(new TreeHead(6, head.rootHash(), head.timestamp(), head.keyId(), head.signature()).verifies(key.publicKey())).isFalse();
        assertThat(new TreeHead(5, head.rootHash(), "2026-12-02T04:00:00.124Z", head.keyId(), head.signature()).verifies(key.publicKey()))
                .isFalse();
        SigningKey other = SigningKey.loadOrCreate(temp.resolve("other/k.pem"));
        assertThat(head.verifies(other.publicKey())).isFalse();
    }

    @Test
    void aPrivateKeyAloneIsReadWithThePublicKeyBesideAndAWrongPublicKeyIsRefused() throws Exception {
        Path file = temp.resolve("k.pem");
        SigningKey key = SigningKey.loadOrCreate(file);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("-----END PRIVATE KEY-----") + "-----END PRIVATE KEY-----".length()) + "\n");
        assertThat(SigningKey.loadOrCreate(file).keyId()).isEqualTo(key.keyId());

        Files.writeString(file.resolveSibling(SigningKey.PUBLIC_FILE),
                PublicKeys.toPem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        assertThatThrownBy(() -> SigningKey.loadOrCreate(file)).hasMessageContaining("does not belong");
    }
}
