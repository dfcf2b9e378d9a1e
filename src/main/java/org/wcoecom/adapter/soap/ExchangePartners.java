package org.wcoecom.adapter.soap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.settings.Settings;

/**
 * The exchange partners named in {@code adapter.soap.partners}, each configured by its
 * {@code adapter.soap.partner.<id>.*} keys. Passwords come from the configuration or the
 * environment, never from the repository; a partner without a password is refused at start.
 */
public final class ExchangePartners {

    private final Map<String, ExchangePartner> byId;

    private ExchangePartners(Map<String, ExchangePartner> byId) {
        this.byId = byId;
    }

    public static ExchangePartners from(Settings settings) {
        Map<String, ExchangePartner> partners = new LinkedHashMap<>();
        String ids = settings.optional("adapter.soap.partners").orElse("");
        for (String entry : ids.split(",")) {
            String id = entry.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!Partner.isValidId(id)) {
                throw new IllegalArgumentException("adapter.soap.partners: '" + id + "' is not a valid partner id");
            }
            String p = "adapter.soap.partner." + id + ".";
            String username = settings.optional(p + "username").orElse(id);
            String password = settings.optional(p + "password").orElseThrow(() -> new IllegalArgumentException(
                    "exchange partner " + id + ": " + p + "password is not set (give it in --config or the environment)"));
            List<String> countries = Arrays.stream(settings.optional(p + "countries").orElse("").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
            Optional<String> endpoint = settings.optional(p + "endpoint");
            Optional<String> remoteUsername = settings.optional(p + "remote-username");
            Optional<String> remotePassword = settings.optional(p + "remote-password");
            if (endpoint.isPresent() && (remoteUsername.isEmpty() || remotePassword.isEmpty())) {
                throw new IllegalArgumentException("exchange partner " + id + " has an endpoint: set " + p
                        + "remote-username and " + p + "remote-password (the user the adapter calls it with)");
            }
            boolean signed = Boolean.parseBoolean(settings.optional(p + "signed").orElse("false"));
            Optional<Path> truststore = settings.optional(p + "truststore").map(Path::of);
            if (signed && truststore.isEmpty()) {
                throw new IllegalArgumentException("exchange partner " + id + " signs: set " + p
                        + "truststore (a PKCS#12 file with its certificates)");
            }
            Optional<Path> tlsTruststore = settings.optional(p + "tls-truststore").map(Path::of);
            if (tlsTruststore.isPresent() && endpoint.filter(e -> e.startsWith("https:")).isEmpty()) {
                throw new IllegalArgumentException("exchange partner " + id + ": " + p + "tls-truststore is set, but its endpoint is"
                        + " not https");
            }
            partners.put(id, new ExchangePartner(id, username, password, countries, endpoint, remoteUsername,
                    remotePassword, signed, truststore, settings.optional(p + "truststore-password"),
                    tlsTruststore, settings.optional(p + "tls-truststore-password")));
        }
        return new ExchangePartners(partners);
    }

    public List<ExchangePartner> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<ExchangePartner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<ExchangePartner> byUsername(String username) {
        return byId.values().stream().filter(p -> p.username().equals(username)).findFirst();
    }

    /** The partners that receive declarations for the given destination country. */
    public List<ExchangePartner> receiving(String country) {
        return byId.values().stream().filter(p -> p.receives(country)).toList();
    }

    public boolean anySigned() {
        return byId.values().stream().anyMatch(ExchangePartner::signed);
    }
}
