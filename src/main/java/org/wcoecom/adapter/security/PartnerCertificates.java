package org.wcoecom.adapter.security;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.SignatureAlgorithms;

/**
 * The certificates each partner signs with, for verifying its messages:
 * {@code adapter.signature.partner.<id>.certificates}, a comma-separated list of files, each PEM or
 * DER (one or more certificates: .pem, .crt, .cer) or PKCS#12 (.p12, .pfx: every certificate in
 * it, its password the secret {@code <id>.certificates-password}). Several certificates let a
 * partner change keys without a gap. Read once at start; a file that cannot be read stops the start.
 */
public final class PartnerCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCertificates.class);

    private final Map<String, List<X509Certificate>> byPartner;

    public PartnerCertificates(Map<String, List<X509Certificate>> byPartner) {
        this.byPartner = Map.copyOf(byPartner);
    }

    public static String key(String partner) {
        return SignaturePolicy.PREFIX + partner + ".certificates";
    }

    public static String passwordSecret(String partner) {
        return partner + ".certificates-password";
    }

    /** The certificates the settings name for each of the partners. */
    public static PartnerCertificates load(Settings settings, List<String> partners, Secrets secrets) {
        SignatureAlgorithms.init();
        Map<String, List<X509Certificate>> byPartner = new LinkedHashMap<>();
        for (String partner : partners) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String file : settings.optional(key(partner)).map(v -> v.split(",")).orElse(new String[0])) {
                if (file.isBlank()) {
                    continue;
                }
                Path path = Path.of(file.trim());
                try {
                    certificates.addAll(read(path, partner, secrets));
                } catch (Exception e) {
                    throw new IllegalArgumentException(key(partner) + ": cannot read " + path + ": " + e.getMessage(), e);
                }
            }
            if (!certificates.isEmpty()) {
                byPartner.put(partner, List.copyOf(certificates));
                certificates.forEach(c -> describe(partner, c));
            }
        }
        return new PartnerCertificates(byPartner);
    }

    public List<X509Certificate> of(String partner) {
        return byPartner.getOrDefault(partner, List.of());
    }

    private static List<X509Certificate> read(Path path, String partner, Secrets secrets) throws Exception {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        List<X509Certificate> result = new ArrayList<>();
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            String password = secrets.find(passwordSecret(partner)).orElseThrow(() -> new IllegalArgumentException(
                    "a PKCS#12 file needs its password: set " + Secrets.environmentName(passwordSecret(partner))
                            + " or " + passwordSecret(partner) + " in the secrets file"));
            KeyStore store = SignatureAlgorithms.pkcs12();
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password.toCharArray());
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c) {
                    result.add(c);
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(path)) {
                for (Certificate c : SignatureAlgorithms.certificateFactory().generateCertificates(in)) {
                    result.add((X509Certificate) c);
                }
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("it holds no certificate");
        }
        return result;
    }

    private static void describe(String partner, X509Certificate c) {
        Date now = Date.from(Instant.now());
        boolean valid = !now.before(c.getNotBefore()) && !now.after(c.getNotAfter());
        String line = "partner {}: signature certificate serial {} ({} key), valid {} to {}";
        Object[] args = {partner, c.getSerialNumber().toString(16), SignatureAlgorithms.keyKind(c.getPublicKey()),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant()};
        if (valid) {
            LOG.info(line, args);
        } else {
            LOG.warn(line + ": not valid now, signatures made with it are refused", args);
        }
    }
}
