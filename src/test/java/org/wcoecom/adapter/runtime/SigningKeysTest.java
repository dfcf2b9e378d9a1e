package org.wcoecom.adapter.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.security.Secrets;
import org.wcoecom.adapter.security.SelfSignedKeys;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * The declarant's signing key: never a self-signed one outside the demo unless allowed, a generated
 * store readable by its owner only and locked with a secret, algorithms checked against the key
 * before the adapter runs.
 */
class SigningKeysTest {

    @TempDir
    Path data;

    private Settings settings(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("adapter.data.dir", data.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Settings.load(Optional.empty(), values);
    }

    private Path generatedFile() {
        return data.resolve("keys").resolve(SigningKeys.GENERATED_FILE);
    }

    @Test
    void without_a_keystore_the_adapter_refuses_to_sign_with_a_self_signed_key_unless_allowed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SigningKeys.signer(settings(), data));
        assertTrue(e.getMessage().contains("adapter.signing.keystore") && e.getMessage().contains("adapter.signing.allow-self-signed=true"),
                e.getMessage());
        assertFalse(Files.exists(generatedFile()), "no key made");
        assertThrows(IllegalStateException.class, () -> SigningKeys.forCommand(settings()), "nor does the translate command");
    }

    @Test
    void the_generated_key_is_its_owners_alone_and_locked_with_a_secret() throws Exception {
        Settings settings = settings("adapter.signing.allow-self-signed", "true");
        XmlSigner first = SigningKeys.signer(settings, data);
        Path file = generatedFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String password = Secrets.open(data.resolve("secrets/secrets.properties"), false)
                .find(SigningKeys.GENERATED_PASSWORD_SECRET).orElseThrow();
        assertTrue(password.length() >= 24, "a generated secret");
        assertThrows(Exception.class, () -> load(file, "changeit"), "the old fixed password no longer opens it");
        assertEquals(first.certificate(), load(file, password).getCertificate(SigningKeys.GENERATED_ALIAS));
        assertEquals(first.certificate(), SigningKeys.signer(settings, data).certificate(), "made once, then reused");
    }

    @Test
    void a_store_an_earlier_version_made_is_kept_and_locked_with_the_secret() throws Exception {
        KeyStore.PrivateKeyEntry old = SelfSignedKeys.generate(SignatureAlgorithms.RSA_SHA1, "CN=old", Duration.ofDays(30));
        Files.createDirectories(generatedFile().getParent());
        KeyStore legacy = KeyStore.getInstance("PKCS12");
        legacy.load(null, null);
        legacy.setKeyEntry(SigningKeys.GENERATED_ALIAS, old.getPrivateKey(), "changeit".toCharArray(), new Certificate[] {old.getCertificate()});
        try (OutputStream out = Files.newOutputStream(generatedFile())) {
            legacy.store(out, "changeit".toCharArray());
        }
        XmlSigner signer = SigningKeys.signer(settings("adapter.signing.allow-self-signed", "true"), data);
        assertEquals(old.getCertificate(), signer.certificate(), "the same key");
        assertThrows(Exception.class, () -> load(generatedFile(), "changeit"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(generatedFile())));
    }

    @Test
    void the_generated_key_follows_the_signature_method() throws Exception {
        XmlSigner sm2 = SigningKeys.signer(settings("adapter.signing.allow-self-signed", "true",
                "adapter.signing.signature-method", SignatureAlgorithms.SM2_SM3, "adapter.signing.digest-method", SignatureAlgorithms.SM3), data);
        assertEquals("SM2", SignatureAlgorithms.keyKind(sm2.certificate().getPublicKey()));
        XmlSigner rsa = SigningKeys.signer(settings("adapter.signing.allow-self-signed", "true"), data);
        assertEquals("RSA", SignatureAlgorithms.keyKind(rsa.certificate().getPublicKey()));
    }

    @Test
    void unknown_algorithms_and_algorithms_the_key_cannot_make_stop_the_start() throws Exception {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> SigningKeys.signer(settings(
                "adapter.signing.allow-self-signed", "true", "adapter.signing.signature-method", "http://example.org/rot13"), data));
        assertTrue(unknown.getMessage().startsWith("adapter.signing.signature-method: unknown"), unknown.getMessage());
        IllegalStateException digest = assertThrows(IllegalStateException.class, () -> SigningKeys.signer(settings(
                "adapter.signing.allow-self-signed", "true", "adapter.signing.digest-method", "http://www.w3.org/2001/04/xmldsig-more#md5"), data));
        assertTrue(digest.getMessage().startsWith("adapter.signing.digest-method: unknown"), digest.getMessage());

        KeyStore.PrivateKeyEntry rsa = SelfSignedKeys.generate(SignatureAlgorithms.RSA_SHA256, "CN=declarant", Duration.ofDays(30));
        Path keystore = data.resolve("declarant.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("declarant", rsa.getPrivateKey(), "secret".toCharArray(), new Certificate[] {rsa.getCertificate()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "secret".toCharArray());
        }
        Settings configured = settings("adapter.signing.keystore", keystore.toString(), "adapter.signing.keystore-password", "secret");
        assertEquals(rsa.getCertificate(), SigningKeys.signer(configured, data).certificate(), "the configured key, no self-signed one");
        IllegalStateException unfit = assertThrows(IllegalStateException.class, () -> SigningKeys.signer(settings(
                "adapter.signing.keystore", keystore.toString(), "adapter.signing.keystore-password", "secret",
                "adapter.signing.signature-method", SignatureAlgorithms.SM2_SM3, "adapter.signing.digest-method", SignatureAlgorithms.SM3), data));
        assertTrue(unfit.getMessage().contains("needs an SM2 key") && unfit.getMessage().contains("RSA"), unfit.getMessage());
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = SignatureAlgorithms.pkcs12();
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
