package org.wcoecom.adapter.security;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.TrustManagerFactory;

import org.wcoecom.adapter.settings.Settings;

/**
 * The client certificates partners authenticate with on HTTP (mutual TLS), each pinned to its
 * partner: {@code adapter.http.partner.<id>.client-certificates}, certificate files (PEM or DER),
 * comma-separated (more than one while a certificate is being replaced). The TLS handshake trusts
 * exactly these certificates, and a certificate names the one partner it is configured for, so one
 * partner's certificate never authenticates another.
 */
public final class ClientCertificates {

    static final String PREFIX = "adapter.http.partner.";
    static final String SUFFIX = ".client-certificates";

    private final Map<String, List<X509Certificate>> byPartner;

    private ClientCertificates(Map<String, List<X509Certificate>> byPartner) {
        this.byPartner = byPartner;
    }

    /** The certificates the settings name, for partners of the given ids; a key for another id is a mistake. */
    public static ClientCertificates from(Settings settings, Set<String> partnerIds) {
        Map<String, List<X509Certificate>> byPartner = new LinkedHashMap<>();
        Map<X509Certificate, String> owner = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.all().entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX) || e.getValue().isBlank()) {
                continue;
            }
            String partner = key.substring(PREFIX.length(), key.length() - SUFFIX.length());
            if (!partnerIds.contains(partner)) {
                throw new IllegalArgumentException(key + ": " + partner + " is not a partner of the partners file");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (String file : Arrays.stream(e.getValue().split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList()) {
                X509Certificate cert = read(Path.of(file), key);
                String other = owner.putIfAbsent(cert, partner);
                if (other != null && !other.equals(partner)) {
                    throw new IllegalArgumentException(key + ": " + file + " is also partner " + other
                            + "'s certificate; a certificate authenticates one partner only");
                }
                certs.add(cert);
            }
            byPartner.put(partner, List.copyOf(certs));
        }
        return new ClientCertificates(byPartner);
    }

    public boolean isEmpty() {
        return byPartner.isEmpty();
    }

    /** Whether the partner authenticates with a client certificate (it then must). */
    public boolean required(String partner) {
        return byPartner.containsKey(partner);
    }

    /** The partner the certificate is pinned to. */
    public Optional<String> partnerOf(X509Certificate certificate) {
        return byPartner.entrySet().stream().filter(e -> e.getValue().contains(certificate)).map(Map.Entry::getKey).findFirst();
    }

    /** A trust manager factory trusting exactly the pinned certificates (and no certificate authority). */
    public TrustManagerFactory trust() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (List<X509Certificate> certs : byPartner.values()) {
                for (X509Certificate c : certs) {
                    store.setCertificateEntry("client-" + i++, c);
                }
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            return f;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the trust of the partners' client certificates: " + e.getMessage(), e);
        }
    }

    private static X509Certificate read(Path file, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            Certificate c = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return (X509Certificate) c;
        } catch (Exception e) {
            throw new IllegalArgumentException(key + ": cannot read the certificate " + file + ": " + e.getMessage(), e);
        }
    }
}
