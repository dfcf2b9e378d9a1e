package org.wcoecom.adapter.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.security.Secrets;
import org.wcoecom.adapter.security.SelfSignedKeys;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * The declarant's signing key for messages that must be signed (CEB621): from the configured
 * PKCS#12 keystore ({@code adapter.signing.keystore}). Without one, the adapter signs with a
 * self-signed key it makes once in {@code <data>/keys/} only where that is allowed
 * ({@code adapter.signing.allow-self-signed}, which {@code run --demo} sets): customs accepts no
 * such signature, so an adapter in service must not produce them unnoticed. The generated store is
 * readable by its owner only and protected by a password from the secrets.
 *
 * <p>The algorithms ({@code adapter.signing.signature-method}, {@code digest-method}) are checked
 * here, when the adapter starts: an unknown one, or one the key cannot make, stops the start.
 */
public final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    static final String GENERATED_ALIAS = "declarant";
    static final String GENERATED_FILE = "declarant-self-signed.p12";
    /** the secret protecting the generated keystore */
    public static final String GENERATED_PASSWORD_SECRET = "signing.generated-keystore-password";
    // what versions before the secret used; such a store is moved to the secret's password once
    private static final char[] LEGACY_PASSWORD = "changeit".toCharArray();
    private static final String SUBJECT = "CN=wco-ecom-adapter self-signed declarant key, O=not for customs";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SigningKeys() {
    }

    /** The adapter's signer, as the settings say; fails with a message naming the setting to change. */
    public static XmlSigner signer(Settings settings, Path dataDir) {
        if (settings.optional("adapter.signing.keystore").isPresent()) {
            return configured(settings);
        }
        requireSelfSignedAllowed(settings);
        Path file = dataDir.resolve("keys").resolve(GENERATED_FILE);
        try {
            Secrets secrets = Secrets.open(Credentials.secretsFile(settings),
                    Boolean.parseBoolean(settings.get("adapter.security.generate-secrets")));
            String password = secrets.require(List.of(GENERATED_PASSWORD_SECRET)).get(GENERATED_PASSWORD_SECRET);
            if (password == null) {
                throw new IllegalStateException("the self-signed key's password is missing: set "
                        + Secrets.environmentName(GENERATED_PASSWORD_SECRET) + " (or allow adapter.security.generate-secrets)");
            }
            XmlSigner signer = generated(settings, file, password.toCharArray());
            LOG.warn("signing with the self-signed key in {}: customs accepts no such signature (set adapter.signing.keystore"
                    + " to the declarant's PKCS#12 keystore)", file);
            return signer;
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot use the self-signed signing key in " + file + ": " + e.getMessage(), e);
        }
    }

    /** For the translate command: the configured keystore, else, where allowed, a throw-away key. */
    public static XmlSigner forCommand(Settings settings) {
        if (settings.optional("adapter.signing.keystore").isPresent()) {
            return configured(settings);
        }
        requireSelfSignedAllowed(settings);
        LOG.warn("signing with a temporary self-signed key (set adapter.signing.keystore to sign with the declarant's key)");
        return temporary(settings);
    }

    /** A throw-away self-signed key for the configured algorithms, for messages written outside the running adapter and for tests. */
    public static XmlSigner temporary(Settings settings) {
        KeyStore.PrivateKeyEntry entry = SelfSignedKeys.generate(signatureMethod(settings), SUBJECT, VALIDITY);
        return signer(settings, entry, "adapter.signing.signature-method");
    }

    private static void requireSelfSignedAllowed(Settings settings) {
        if (!Boolean.parseBoolean(settings.get("adapter.signing.allow-self-signed"))) {
            throw new IllegalStateException("no signing key: set adapter.signing.keystore to the declarant's PKCS#12 keystore,"
                    + " or adapter.signing.allow-self-signed=true to sign with a self-signed key the adapter makes (customs"
                    + " accepts no such signature; run --demo allows it)");
        }
    }

    private static XmlSigner configured(Settings settings) {
        Path file = Path.of(settings.get("adapter.signing.keystore"));
        char[] password = settings.optional("adapter.signing.keystore-password").orElse("").toCharArray();
        String alias = settings.get("adapter.signing.alias");
        KeyStore.PrivateKeyEntry entry;
        try {
            KeyStore store = load(file, password);
            if (!(store.getEntry(alias, new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry e)) {
                throw new IllegalArgumentException("it has no private key under alias '" + alias + "' (adapter.signing.alias)");
            }
            entry = e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the signing key from adapter.signing.keystore " + file + ": " + e.getMessage(), e);
        }
        return signer(settings, entry, "adapter.signing.keystore " + file);
    }

    /**
     * The generated key: made when missing (or when it does not fit the signature method, since it
     * is worth nothing to anyone), the file readable by its owner only.
     */
    private static XmlSigner generated(Settings settings, Path file, char[] password) throws Exception {
        String method = signatureMethod(settings);
        KeyStore.PrivateKeyEntry entry = null;
        if (Files.exists(file)) {
            entry = open(file, password);
            if (entry != null && !SignatureAlgorithms.fits(method, entry.getPrivateKey())) {
                LOG.warn("the self-signed key in {} is {}, the signature method {} needs {}: a new one is made", file,
                        SignatureAlgorithms.keyKind(entry.getPrivateKey()), method, SignatureAlgorithms.keyKind(method));
                entry = null;
            }
        }
        if (entry == null) {
            entry = SelfSignedKeys.generate(method, SUBJECT, VALIDITY);
            store(file, entry, password);
            LOG.info("created a self-signed signing key in {}", file);
        }
        return signer(settings, entry, "the self-signed key in " + file);
    }

    /** The generated entry, also from a store an earlier version protected with a fixed password (re-protected here). */
    private static KeyStore.PrivateKeyEntry open(Path file, char[] password) throws Exception {
        try {
            return entry(load(file, password), password);
        } catch (IOException wrongPassword) {
            KeyStore legacy;
            try {
                legacy = load(file, LEGACY_PASSWORD);
            } catch (IOException e) {
                throw new IllegalStateException(file + " cannot be opened with the password " + GENERATED_PASSWORD_SECRET
                        + " of the secrets; remove the file to have a new self-signed key made", wrongPassword);
            }
            KeyStore.PrivateKeyEntry entry = entry(legacy, LEGACY_PASSWORD);
            if (entry != null) {
                store(file, entry, password);
                LOG.info("the self-signed key in {} is now protected by the secret {}", file, GENERATED_PASSWORD_SECRET);
            }
            return entry;
        }
    }

    private static KeyStore.PrivateKeyEntry entry(KeyStore store, char[] password) throws Exception {
        return store.getEntry(GENERATED_ALIAS, new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry e ? e : null;
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = SignatureAlgorithms.pkcs12();
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /** Written to a new owner-only file, then moved over the old one. */
    private static void store(Path file, KeyStore.PrivateKeyEntry entry, char[] password) throws Exception {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        KeyStore store = SignatureAlgorithms.pkcs12();
        store.load(null, null);
        store.setKeyEntry(GENERATED_ALIAS, entry.getPrivateKey(), password, new Certificate[] {entry.getCertificate()});
        Path temporary = dir.resolve("." + file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String signatureMethod(Settings settings) {
        String method = settings.get("adapter.signing.signature-method");
        if (!SignatureAlgorithms.isSignatureMethod(method)) {
            throw new IllegalStateException("adapter.signing.signature-method: unknown signature method '" + method + "' (known: "
                    + String.join(", ", SignatureAlgorithms.signatureMethods()) + ")");
        }
        return method;
    }

    /** The signer over the entry, the algorithms of the settings checked against the key. */
    private static XmlSigner signer(Settings settings, KeyStore.PrivateKeyEntry entry, String where) {
        String method = signatureMethod(settings);
        String digest = settings.get("adapter.signing.digest-method");
        if (!SignatureAlgorithms.isDigestMethod(digest)) {
            throw new IllegalStateException("adapter.signing.digest-method: unknown digest method '" + digest + "' (known: "
                    + String.join(", ", SignatureAlgorithms.digestMethods()) + ")");
        }
        if (!SignatureAlgorithms.fits(method, entry.getPrivateKey())) {
            throw new IllegalStateException("adapter.signing.signature-method " + method + " needs an "
                    + SignatureAlgorithms.keyKind(method) + " key; " + where + " holds an " + SignatureAlgorithms.keyKind(entry.getPrivateKey())
                    + " key");
        }
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) entry.getCertificate();
        String keyName = settings.optional("adapter.signing.key-name").orElse(cert.getSerialNumber().toString(16));
        return new XmlSigner(entry.getPrivateKey(), cert, keyName, method, digest);
    }
}
