package org.wcoecom.adapter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The partners' HTTP API keys. A key is compared with every partner's in constant time, so that the
 * time taken tells nothing about how close a guess was. Partners added or removed by a reload of the
 * partners file are added or removed here at once.
 */
public final class PartnerKeys {

    private volatile Map<String, byte[]> keyByPartner;

    public PartnerKeys(Map<String, String> keyByPartner) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        keyByPartner.forEach((partner, key) -> digests.put(partner, digest(key)));
        this.keyByPartner = digests;
    }

    /** The partner's key from now on (a partner added to the partners file). */
    public synchronized void put(String partner, String key) {
        Map<String, byte[]> next = new LinkedHashMap<>(keyByPartner);
        next.put(partner, digest(key));
        keyByPartner = next;
    }

    /** The partner's key no longer opens anything (a partner removed from the partners file). */
    public synchronized void remove(String partner) {
        Map<String, byte[]> next = new LinkedHashMap<>(keyByPartner);
        next.remove(partner);
        keyByPartner = next;
    }

    /** The partner whose key this is. */
    public Optional<String> partnerOf(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        byte[] given = digest(key.trim());
        String found = null;
        // the map is replaced on a change, never changed: this loop sees one version of it
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
