package jp.budgetledger.app.security;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import jp.budgetledger.app.security.directory.DirectorySignIn;
import jp.budgetledger.app.security.directory.LdapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory sign-in's other modes against UnboundID's in-memory server, without the web layer: Active Directory
 * (bind as {@code user@domain}, rights from {@code memberOf}; the test server maps the UPN to the entry's DN as a domain
 * controller does), and TLS (LDAPS and StartTLS) trusting a certificate the test makes with keytool; and the service
 * refusing to start when its directory does not answer.
 */
class DirectoryModesIT {

    private static final Map<String, List<Role>> ROLES = Map.of("ledger-officers", List.of(Role.OFFICER),
            "ledger-viewers", List.of(Role.VIEWER));

    private static Authentication signIn(AuthenticationProvider provider, String name, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    @Test
    void theServiceDoesNotStartWhenTheDirectoryDoesNotAnswer(@TempDir Path dataDir) throws Exception {
        int dead;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = socket.getLocalPort();
        }
        String[] arguments = {"--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false",
                "--ledger.security.ldap.urls=ldap://127.0.0.1:" + dead, "--ledger.security.ldap.base-dn=dc=example,dc=jp",
                "--ledger.security.ldap.role-groups[ledger-viewers]=VIEWER", "--ledger.security.ldap.timeout=2s"};
        assertThatThrownBy(() -> new org.springframework.boot.builder.SpringApplicationBuilder(jp.budgetledger.app.LedgerApplication.class)
                .run(arguments))
                .hasStackTraceContaining("ledger.security.ldap: cannot connect to the directory ldap://127.0.0.1:" + dead)
                .hasStackTraceContaining("the service does not start without its user source");
    }

    @Test
    void activeDirectoryBindsAsTheUserPrincipalNameAndTakesRightsFromMemberOf() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=city,dc=local");
        config.setSchema(null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        Map<String, String> principals = Map.of("tanaka@city.local", "cn=Tanaka Ichiro,ou=Users,dc=city,dc=local",
                "nomura@city.local", "cn=Nomura Saburo,ou=Users,dc=city,dc=local");
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                SimpleBindRequest bind = request.getRequest();
                String dn = principals.get(bind.getBindDN().toLowerCase(Locale.ROOT));
                if (dn != null) {
                    request.setRequest(new SimpleBindRequest(dn, bind.getPassword().getValue()));
                }
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=city,dc=local", "objectClass: top", "objectClass: domain", "dc: city");
        server.add("dn: ou=Users,dc=city,dc=local", "objectClass: organizationalUnit", "ou: Users");
        server.add("dn: cn=Tanaka Ichiro,ou=Users,dc=city,dc=local", "objectClass: user", "cn: Tanaka Ichiro",
                "sAMAccountName: tanaka", "userPrincipalName: tanaka@city.local", "displayName: Tanaka Ichiro (総務課)",
                "userPassword: tanaka-pw", "memberOf: CN=ledger-officers,OU=Groups,DC=city,DC=local",
                "memberOf: CN=ledger-dept-soumu,OU=Groups,DC=city,DC=local");
        server.add("dn: cn=Nomura Saburo,ou=Users,dc=city,dc=local", "objectClass: user", "cn: Nomura Saburo",
                "sAMAccountName: nomura", "userPrincipalName: nomura@city.local", "userPassword: nomura-pw",
                "memberOf: CN=staff,OU=Groups,DC=city,DC=local");
        server.startListening();
        try {
            LdapSettings settings = new LdapSettings(LdapSettings.Mode.ACTIVE_DIRECTORY, List.of("ldap://127.0.0.1:" + server.getListenPort()),
                    "dc=city,dc=local", "city.local", null, null, null, null, null, null, false, null, null, null, null, null,
                    ROLES, Map.of("CN=ledger-dept-soumu,OU=Groups,DC=city,DC=local", "総務部"), null, Duration.ofSeconds(2), null);
            AuthenticationProvider provider = DirectorySignIn.provider(settings);

            Authentication tanaka = signIn(provider, "TANAKA", "tanaka-pw");
            LedgerUser user = (LedgerUser) tanaka.getPrincipal();
            assertThat(tanaka.getName()).as("the sAMAccountName, not the name as typed").isEqualTo("tanaka");
            assertThat(user.displayName()).isEqualTo("Tanaka Ichiro (総務課)");
            assertThat(tanaka.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICER");
            assertThat(user.departments()).containsExactly("総務部");

            assertThatThrownBy(() -> signIn(provider, "tanaka", "wrong")).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> signIn(provider, "nomura", "nomura-pw")).as("in no mapped group")
                    .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void ldapsAndStartTlsTrustTheConfiguredTrustStoreOnly(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("server.p12");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "ldap", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit");
        keytool("-exportcert", "-alias", "ldap", "-keystore", keys.toString(), "-storepass", "changeit", "-file", dir.resolve("ldap.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "ldap", "-file", dir.resolve("ldap.cer").toString(), "-keystore", trust.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=jp");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0, tls.getServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", InetAddress.getLoopbackAddress(), 0, tls.getSocketFactory()));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (InputStream ldif = getClass().getResourceAsStream("/ldap/ledger.ldif")) {
            server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
        }
        server.startListening();
        try {
            String ldaps = "ldaps://localhost:" + server.getListenPort("ldaps");
            String plain = "ldap://localhost:" + server.getListenPort("starttls");
            assertThatThrownBy(() -> DirectorySignIn.provider(tls(ldaps, false, null)))
                    .as("the JVM's CAs do not know the test certificate").hasMessageContaining("cannot connect to the directory " + ldaps);

            AuthenticationProvider overLdaps = DirectorySignIn.provider(tls(ldaps, false, trust));
            assertThat(signIn(overLdaps, "suzuki", "suzuki-pw").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");

            AuthenticationProvider overStartTls = DirectorySignIn.provider(tls(plain, true, trust));
            assertThat(signIn(overStartTls, "suzuki", "suzuki-pw").getName()).isEqualTo("suzuki");
            assertThatThrownBy(() -> signIn(overStartTls, "suzuki", "wrong")).isInstanceOf(BadCredentialsException.class);
        } finally {
            server.shutDown(true);
        }
    }

    private static LdapSettings tls(String url, boolean startTls, Path trustStore) {
        return new LdapSettings(LdapSettings.Mode.LDAP, List.of(url), "dc=example,dc=jp", null, "ou=people", null, null, null,
                "uid=ledger-svc,ou=services,dc=example,dc=jp", "svc-secret", startTls, trustStore, "changeit", null, "ou=groups",
                null, ROLES, Map.of(), null, Duration.ofSeconds(2), null);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
