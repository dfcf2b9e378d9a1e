package org.wcoecom.adapter.soap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.wss4j.common.crypto.Merlin;

/**
 * The keystores of the exchange: the adapter's own signing key ({@code adapter.soap.keystore}) and
 * each partner's certificates (its {@code truststore}), as WSS4J crypto objects, and the trust of a
 * partner's https endpoint (its {@code tls-truststore}).
 */
final class KeyMaterial {

    private KeyMaterial() {
    }

    static KeyStore load(Path file, Optional<String> password, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.map(String::toCharArray).orElse(null));
            return store;
        } catch (Exception e) {
            throw new IllegalArgumentException(what + ": cannot open keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every certificate in a partner's truststore. */
    static List<X509Certificate> certificates(ExchangePartner partner) {
        KeyStore store = load(partner.truststore().orElseThrow(), partner.truststorePassword(),
                "exchange partner " + partner.id());
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("exchange partner " + partner.id() + ": cannot read its truststore: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("exchange partner " + partner.id() + ": its truststore holds no certificate");
        }
        return certs;
    }

    /** Trust managers for a partner's https endpoint: its tls-truststore, if it has one. */
    static Optional<TrustManager[]> tlsTrust(ExchangePartner partner) {
        return partner.tlsTruststore().map(file -> {
            try {
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(load(file, partner.tlsTruststorePassword(), "exchange partner " + partner.id() + " (tls-truststore)"));
                return f.getTrustManagers();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("exchange partner " + partner.id() + ": cannot use its tls-truststore: "
                        + e.getMessage(), e);
            }
        });
    }

    /** A crypto that trusts exactly the given certificates (signature verification). */
    static Merlin trusting(List<X509Certificate> certificates) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates) {
                trust.setCertificateEntry("partner-" + (i++), c);
            }
            Merlin merlin = new Merlin();
            merlin.setTrustStore(trust);
            return merlin;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the exchange truststore: " + e.getMessage(), e);
        }
    }

    /** A crypto holding the adapter's own signing key. */
    static Merlin signing(KeyStore keystore) {
        Merlin merlin = new Merlin();
        merlin.setKeyStore(keystore);
        return merlin;
    }
}
