package jp.budgetledger.app.security.directory;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * TLS to the directory with the configured trust store ({@code ledger.security.ldap.trust-store}). JNDI makes the
 * sockets of {@code ldaps://} connections through a socket factory named by its class ({@link #getDefault()}); StartTLS
 * is given {@link #factory()} directly. Host names are verified by JNDI against the server's certificate. One trust store
 * for the whole service (JNDI names the factory by its class), set when the directory sign-in is made.
 */
public final class DirectoryTls extends SSLSocketFactory {

    private static volatile SSLSocketFactory configured = (SSLSocketFactory) SSLSocketFactory.getDefault();

    private final SSLSocketFactory delegate;

    private DirectoryTls(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** Called by JNDI for every {@code ldaps://} connection. */
    public static SocketFactory getDefault() {
        return new DirectoryTls(configured);
    }

    static SSLSocketFactory factory() {
        return configured;
    }

    /** Trusts the JVM's certificate authorities (no {@code trust-store} configured). */
    static void trustJvmDefaults() {
        configured = (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /** Trusts the certificates of {@code trustStore} (of {@code type}, e.g. PKCS12) for the directory's connections. */
    static void trust(Path trustStore, String password, String type) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            configured = context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("ledger.security.ldap.trust-store: cannot read " + trustStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
