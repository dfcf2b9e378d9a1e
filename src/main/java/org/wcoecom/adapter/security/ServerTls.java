package org.wcoecom.adapter.security;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.settings.Settings;

/**
 * The adapter's own TLS identity, for every listener partners reach (HTTP ingress, SOAP service,
 * the broker's partner acceptor) when {@code adapter.tls.enabled} is true: the key and certificate
 * of the PKCS#12 keystore {@code adapter.tls.keystore}, or, when none is configured, a self-signed
 * one the adapter creates once in {@code <data>/tls/} (for localhost and this host's name) so that
 * TLS is one setting away. A self-signed certificate is for trying; the log says so at every start.
 */
public final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final String GENERATED_ALIAS = "adapter";
    // the generated key is self-signed and for trying only; its file is readable by its owner alone
    private static final String GENERATED_PASSWORD = "changeit";

    private final Path keystore;
    private final String password;
    private final KeyStore keys;

    private ServerTls(Path keystore, String password) {
        this.keystore = keystore;
        this.password = password;
        this.keys = load(keystore, password);
    }

    /** The TLS identity the settings describe; empty when TLS is off. */
    public static Optional<ServerTls> from(Settings settings) {
        if (!Boolean.parseBoolean(settings.get("adapter.tls.enabled"))) {
            return Optional.empty();
        }
        Optional<String> configured = settings.optional("adapter.tls.keystore");
        if (configured.isPresent()) {
            return Optional.of(new ServerTls(Path.of(configured.get()), settings.optional("adapter.tls.keystore-password").orElse("")));
        }
        Path generated = settings.dataDir().resolve("tls").resolve("adapter-self-signed.p12");
        if (!Files.exists(generated)) {
            generate(generated);
        }
        LOG.warn("TLS with the self-signed certificate in {} (set adapter.tls.keystore to the adapter's own certificate;"
                + " partners must trust it)", generated);
        return Optional.of(new ServerTls(generated, GENERATED_PASSWORD));
    }

    public Path keystore() {
        return keystore;
    }

    public String password() {
        return password;
    }

    /** A client's TLS context that trusts this certificate alone (the demo's, talking to its own adapter). */
    public SSLContext trustingItself() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, f.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the adapter's own certificate: " + e.getMessage(), e);
        }
    }

    /** Key managers of this identity (for CXF's Jetty and the SOAP client). */
    public KeyManagerFactory keyManagers() {
        try {
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(keys, password.toCharArray());
            return f;
        } catch (Exception e) {
            throw new IllegalArgumentException("adapter.tls.keystore: cannot use the key in " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            long keyEntries = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).count();
            if (keyEntries != 1) {
                throw new IllegalArgumentException("it must hold exactly one private key, not " + keyEntries);
            }
            return store;
        } catch (Exception e) {
            throw new IllegalArgumentException("adapter.tls.keystore: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }

    /** A 2048-bit RSA key with a self-signed certificate for localhost and this host, made by the JDK's keytool. */
    private static void generate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            String host = InetAddress.getLocalHost().getHostName();
            String names = "dns:localhost,ip:127.0.0.1" + (host.matches("[A-Za-z0-9.-]+") ? ",dns:" + host : "");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", GENERATED_PASSWORD, "-keypass", GENERATED_PASSWORD, "-alias", GENERATED_ALIAS,
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                    "-dname", "CN=localhost, O=wco-ecom-adapter self-signed not for production",
                    "-ext", "SAN=" + names)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.info("created a self-signed TLS certificate in {}", file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a self-signed TLS certificate in " + file + ": " + e.getMessage(), e);
        }
    }
}
