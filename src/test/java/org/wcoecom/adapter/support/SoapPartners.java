package org.wcoecom.adapter.support;

import java.util.HashMap;
import java.util.Map;

/** The adapter settings of the overseas customs the SOAP tests send to. */
public final class SoapPartners {

    private SoapPartners() {
    }

    /**
     * CN-GACC, the customs of country CN at the given endpoint: it signs and wants signed requests
     * (our test keys), with a UsernameToken both ways; then the test's own settings.
     */
    public static Map<String, String> chinaCustoms(String endpoint, ExchangeKeys ours, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("adapter.soap.partners", "CN-GACC"),
                Map.entry("adapter.soap.partner.CN-GACC.password", "test-secret-in"),
                Map.entry("adapter.soap.partner.CN-GACC.countries", "CN"),
                Map.entry("adapter.soap.partner.CN-GACC.endpoint", endpoint),
                Map.entry("adapter.soap.partner.CN-GACC.remote-username", "wco-ecom-adapter"),
                Map.entry("adapter.soap.partner.CN-GACC.remote-password", "test-secret-out"),
                Map.entry("adapter.soap.partner.CN-GACC.signed", "true"),
                Map.entry("adapter.soap.partner.CN-GACC.truststore", ours.truststore().toString()),
                Map.entry("adapter.soap.partner.CN-GACC.truststore-password", ours.password()),
                Map.entry("adapter.soap.keystore", ours.keystore().toString()),
                Map.entry("adapter.soap.keystore-password", ours.password()),
                Map.entry("adapter.soap.key-alias", ours.alias())));
        settings.putAll(more);
        return settings;
    }
}
