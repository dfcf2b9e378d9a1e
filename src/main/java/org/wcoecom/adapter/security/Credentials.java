package org.wcoecom.adapter.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.settings.Settings;

/**
 * Everyone's credentials, from the secrets (environment, secrets file, generated): each partner's
 * API key and broker password, the operator's and the customs gateway's broker passwords.
 */
public final class Credentials {

    private final Map<String, String> apiKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> brokerPasswords = new java.util.concurrent.ConcurrentHashMap<>();
    private final Secrets secrets;
    private PartnerKeys keys;

    private Credentials(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The secrets file the settings name: adapter.security.secrets-file, or secrets/secrets.properties in the data folder. */
    public static Path secretsFile(Settings settings) {
        return settings.optional("adapter.security.secrets-file").map(Path::of)
                .orElse(settings.dataDir().resolve("secrets").resolve("secrets.properties"));
    }

    public static Credentials load(Settings settings, PartnerDirectory partners) {
        Secrets secrets = Secrets.open(secretsFile(settings),
                Boolean.parseBoolean(settings.get("adapter.security.generate-secrets")));
        List<String> names = new ArrayList<>();
        for (Partner p : partners.all()) {
            names.add(Secrets.apiKeyName(p.id()));
            names.add(Secrets.brokerPasswordName(p.id()));
        }
        names.add(Secrets.brokerPasswordName(BrokerUsers.OPERATOR));
        names.add(Secrets.brokerPasswordName(BrokerUsers.CUSTOMS));
        Map<String, String> found = secrets.require(names);
        Credentials c = new Credentials(secrets);
        for (Partner p : partners.all()) {
            String key = found.get(Secrets.apiKeyName(p.id()));
            if (key != null) {
                c.apiKeys.put(p.id(), key);
            }
        }
        for (String user : brokerUsers(partners)) {
            String password = found.get(Secrets.brokerPasswordName(user));
            if (password != null) {
                c.brokerPasswords.put(user, password);
            }
        }
        return c;
    }

    private static List<String> brokerUsers(PartnerDirectory partners) {
        List<String> users = new ArrayList<>(partners.all().stream().map(Partner::id).toList());
        users.add(BrokerUsers.OPERATOR);
        users.add(BrokerUsers.CUSTOMS);
        return users;
    }

    /** The partners' API keys, one instance kept up to date by {@link #admit} and {@link #revoke}. */
    public synchronized PartnerKeys partnerKeys() {
        if (keys == null) {
            keys = new PartnerKeys(apiKeys);
        }
        return keys;
    }

    /**
     * A partner added to the partners file while the adapter runs: its API key and broker password
     * from the secrets (generated into the secrets file when allowed), its key taken by HTTP at once.
     *
     * @return its broker password, if it has one
     */
    public synchronized java.util.Optional<String> admit(Partner partner) {
        Map<String, String> found = secrets.require(List.of(Secrets.apiKeyName(partner.id()), Secrets.brokerPasswordName(partner.id())));
        java.util.Optional.ofNullable(found.get(Secrets.apiKeyName(partner.id()))).ifPresent(key -> {
            apiKeys.put(partner.id(), key);
            partnerKeys().put(partner.id(), key);
        });
        java.util.Optional.ofNullable(found.get(Secrets.brokerPasswordName(partner.id()))).ifPresent(p -> brokerPasswords.put(partner.id(), p));
        return java.util.Optional.ofNullable(brokerPasswords.get(partner.id()));
    }

    /** A partner removed from the partners file: its API key opens nothing any more. */
    public synchronized void revoke(String partner) {
        apiKeys.remove(partner);
        brokerPasswords.remove(partner);
        partnerKeys().remove(partner);
    }

    /**
     * The embedded broker's users: the adapter (with a password of this run only), the operator,
     * the customs gateway, and each partner that has a password.
     */
    public BrokerUsers brokerUsers(String adapterPassword, PartnerDirectory partners, String outbound, String inbound) {
        BrokerUsers users = new BrokerUsers(adapterPassword, brokerPasswords.getOrDefault(BrokerUsers.OPERATOR, adapterPassword));
        if (brokerPasswords.containsKey(BrokerUsers.CUSTOMS)) {
            users.customs(brokerPasswords.get(BrokerUsers.CUSTOMS), outbound, inbound);
        }
        for (Partner p : partners.all()) {
            if (brokerPasswords.containsKey(p.id())) {
                users.partner(p.id(), brokerPasswords.get(p.id()));
            }
        }
        return users;
    }

    /** A partner's API key, if it has one. */
    public java.util.Optional<String> apiKey(String partner) {
        return java.util.Optional.ofNullable(apiKeys.get(partner));
    }

    /** A broker user's password (a partner, the operator, the customs gateway), if it has one. */
    public java.util.Optional<String> brokerPassword(String user) {
        return java.util.Optional.ofNullable(brokerPasswords.get(user));
    }

    public Path secretsFile() {
        return secrets.file();
    }
}
