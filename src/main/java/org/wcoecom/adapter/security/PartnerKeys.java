package org.wcoecom.adapter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The partners' HTTP API keys. A key is compared with every partner's in constant time, so that the
 * time taken tells nothing about how close a guess was.
 */
public final class PartnerKeys {

    private final Map<String, byte[]> keyByPartner = new LinkedHashMap<>();

    public PartnerKeys(Map<String, String> keyByPartner) {
        keyByPartner.forEach((partner, key) -> this.keyByPartner.put(partner, digest(key)));
    }

    /** The partner whose key this is. */
    public Optional<String> partnerOf(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        byte[] given = digest(key.trim());
        String found = null;
        for (Map.Entry<String, byte[]> e : keyByPartner.entrySet()) {
            if (MessageDigest.isEqual(given, e.getValue())) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
