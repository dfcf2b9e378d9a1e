package org.wcoecom.adapter.runtime;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * The declarant's signing key for messages that must be signed (CEB621): from the configured
 * PKCS#12 keystore, or, when none is configured, a self-signed key the adapter creates once in
 * {@code <data>/keys/} with the JDK's keytool, so that the embedded setup works out of the box. A
 * self-signed key is for trying the adapter, not for customs: the log says so at every start.
 */
public final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    static final String GENERATED_ALIAS = "declarant";
    // a generated key protects nothing (it is self-signed, for trying); its store needs some password
    private static final char[] GENERATED_PASSWORD = "changeit".toCharArray();

    private SigningKeys() {
    }

    public static XmlSigner signer(Settings settings, Path dataDir) {
        try {
            if (settings.optional("adapter.signing.keystore").isPresent()) {
                return open(settings, Path.of(settings.get("adapter.signing.keystore")), settings.get("adapter.signing.alias"),
                        settings.optional("adapter.signing.keystore-password").orElse("").toCharArray());
            }
            Path file = dataDir.resolve("keys").resolve("declarant-self-signed.p12");
            if (!Files.exists(file)) {
                generate(file, GENERATED_PASSWORD);
            }
            LOG.warn("signing with the self-signed key {} (set adapter.signing.keystore for a real declarant certificate)", file);
            return open(settings, file, GENERATED_ALIAS, GENERATED_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the signing key: " + e.getMessage(), e);
        }
    }

    /** The key under an alias of a PKCS#12 file, with the key name and algorithms of the settings. */
    private static XmlSigner open(Settings settings, Path file, String alias, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return XmlSigner.fromKeyStore(store, alias, password, settings.optional("adapter.signing.key-name").orElse(null),
                settings.get("adapter.signing.signature-method"), settings.get("adapter.signing.digest-method"));
    }

    /** A 2048-bit RSA key with a self-signed certificate, made by the JDK's keytool. */
    static void generate(Path file, char[] password) throws Exception {
        Files.createDirectories(file.getParent());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", new String(password), "-keypass", new String(password), "-alias", GENERATED_ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=wco-ecom-adapter self-signed declarant key, O=not for production")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        LOG.info("created a self-signed signing key in {}", file);
    }

    /** For the translate command: the configured keystore, else a throw-away key. */
    public static XmlSigner forCommand(Settings settings) {
        if (settings.optional("adapter.signing.keystore").isPresent()) {
            return signer(settings, settings.dataDir());
        }
        LOG.warn("signing with a temporary self-signed key (set adapter.signing.keystore to sign with the declarant's key)");
        return temporary(settings);
    }

    /** A throw-away self-signed key, for messages written outside the running adapter and for tests. */
    public static XmlSigner temporary(Settings settings) {
        try {
            Path dir = Files.createTempDirectory("wco-ecom-adapter-key");
            Path file = dir.resolve("temporary.p12");
            generate(file, GENERATED_PASSWORD);
            XmlSigner signer = open(settings, file, GENERATED_ALIAS, GENERATED_PASSWORD);
            for (Path f : List.of(file, dir)) {
                Files.deleteIfExists(f);
            }
            return signer;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a temporary signing key: " + e.getMessage(), e);
        }
    }
}
