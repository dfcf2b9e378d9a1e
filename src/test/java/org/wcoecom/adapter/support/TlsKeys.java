package org.wcoecom.adapter.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * TLS keys made at test time by the JDK's keytool (never committed): a PKCS#12 keystore with an RSA
 * key and a self-signed certificate for the given host names, the certificate alone as a PEM file
 * (what a partner hands over), and a truststore holding only that certificate (what the other side
 * trusts).
 */
public record TlsKeys(Path keystore, Path certificate, Path truststore, String password) {

    /** Keys for a server reached as localhost and 127.0.0.1. */
    public static TlsKeys server(Path dir, String name) throws Exception {
        return generate(dir, name, "dns:localhost,ip:127.0.0.1");
    }

    /** Keys for a server whose certificate names another host only (for hostname verification). */
    public static TlsKeys serverElsewhere(Path dir, String name) throws Exception {
        return generate(dir, name, "dns:elsewhere.example");
    }

    /** Keys for a client (a partner's certificate). */
    public static TlsKeys client(Path dir, String name) throws Exception {
        return generate(dir, name, null);
    }

    private static TlsKeys generate(Path dir, String name, String subjectAlternativeNames) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve(name + ".p12");
        Path certificate = dir.resolve(name + ".pem");
        Path truststore = dir.resolve(name + "-trust.p12");
        String password = "tls-" + name;
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password, "-alias", name, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=" + name + ", O=tests"));
        if (subjectAlternativeNames != null) {
            command.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
        }
        run(command);
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-alias", name, "-file", certificate.toString()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(name, load(keystore, password).getCertificate(name));
        try (OutputStream o = Files.newOutputStream(truststore)) {
            trust.store(o, password.toCharArray());
        }
        return new TlsKeys(keystore, certificate, truststore, password);
    }

    /**
     * A client's TLS context: trusting the server's certificate, and presenting this client's key
     * when there is one, whichever certificates the server says it accepts (as an attacker would).
     */
    public static SSLContext context(TlsKeys trustedServer, TlsKeys clientKey) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustedServer.truststore(), trustedServer.password()));
        KeyManager[] keys = null;
        if (clientKey != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientKey.keystore(), clientKey.password()), clientKey.password().toCharArray());
            keys = new KeyManager[] {new Insistent((X509KeyManager) kmf.getKeyManagers()[0], clientKey.alias())};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, tmf.getTrustManagers(), null);
        return context;
    }

    /** The keystore's only alias (the name it was made for). */
    public String alias() {
        String file = keystore.getFileName().toString();
        return file.substring(0, file.length() - ".p12".length());
    }

    /** Presents its one certificate even to a server that names other issuers. */
    private static final class Insistent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;
        private final String alias;

        Insistent(X509KeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String a) {
            return keys.getCertificateChain(a);
        }

        @Override
        public PrivateKey getPrivateKey(String a) {
            return keys.getPrivateKey(a);
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore k = KeyStore.getInstance("PKCS12");
            k.load(in, password.toCharArray());
            return k;
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
