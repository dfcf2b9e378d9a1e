package org.wcoecom.adapter.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import org.apache.wss4j.common.crypto.Merlin;

/**
 * Test keys for the SOAP exchange, made at test time (never committed): a PKCS#12 keystore with an
 * RSA key and a self-signed certificate (by the JDK's keytool), and a truststore holding only that
 * certificate, as a partner would configure it.
 */
public record ExchangeKeys(Path keystore, Path truststore, String alias, String password) {

    public static ExchangeKeys generate(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve(name + ".p12");
        Path truststore = dir.resolve(name + "-trust.p12");
        String password = "test-" + name;
        String alias = "exchange";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password, "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "30", "-dname", "CN=" + name + " test exchange key, O=tests").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore keys = load(keystore, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, keys.getCertificate(alias));
        try (OutputStream o = Files.newOutputStream(truststore)) {
            trust.store(o, password.toCharArray());
        }
        return new ExchangeKeys(keystore, truststore, alias, password);
    }

    public Merlin crypto() throws Exception {
        Merlin merlin = new Merlin();
        merlin.setKeyStore(load(keystore, password));
        merlin.setTrustStore(load(truststore, password));
        return merlin;
    }

    private static KeyStore load(Path file, String password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore k = KeyStore.getInstance("PKCS12");
            k.load(in, password.toCharArray());
            return k;
        }
    }
}
