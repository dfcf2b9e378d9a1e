package org.wcoecom.adapter.soap;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.dom.WSConstants;
import org.wcoecom.adapter.settings.Settings;

/**
 * WS-Security for the exchange, with CXF's WSS4J interceptors: a UsernameToken (password digest)
 * on every message both ways, a timestamp no older than {@code adapter.soap.timestamp-max-age}, and
 * an XML signature of the SOAP Body and the timestamp (RSA-SHA256, the certificate sent along) for
 * partners that sign. Keys come from PKCS#12 keystores named in the
 * configuration; passwords from the configuration or the environment.
 */
final class ExchangeSecurity {

    private static final String BODY = "{Element}{http://schemas.xmlsoap.org/soap/envelope/}Body";
    private static final String TIMESTAMP = "{Element}{" + WSConstants.WSU_NS + "}Timestamp";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final ExchangePartners partners;
    private final Map<String, List<X509Certificate>> certificates = new LinkedHashMap<>();
    private final Optional<KeyStore> ownKeys;
    private final String ownAlias;
    private final String ownKeyPassword;
    private final int timestampMaxAge;

    ExchangeSecurity(Settings settings, ExchangePartners partners) {
        this.partners = partners;
        this.timestampMaxAge = settings.integer("adapter.soap.timestamp-max-age");
        for (ExchangePartner p : partners.all()) {
            if (p.signed()) {
                certificates.put(p.id(), KeyMaterial.certificates(p));
            }
        }
        Optional<String> storePassword = settings.optional("adapter.soap.keystore-password");
        this.ownKeys = settings.optional("adapter.soap.keystore")
                .map(f -> KeyMaterial.load(Path.of(f), storePassword, "adapter.soap.keystore"));
        this.ownAlias = settings.get("adapter.soap.key-alias");
        this.ownKeyPassword = settings.optional("adapter.soap.key-password").or(() -> storePassword).orElse("");
        for (ExchangePartner p : partners.all()) {
            if (p.signed() && p.endpoint().isPresent() && ownKeys.isEmpty()) {
                throw new IllegalArgumentException("exchange partner " + p.id() + " signs and receives declarations:"
                        + " set adapter.soap.keystore (the adapter's own signing key)");
            }
        }
    }

    /** The service side: WSS4J verifies what the header holds, then PartnerCheck decides. */
    List<org.apache.cxf.interceptor.Interceptor<? extends org.apache.cxf.message.Message>> serverInterceptors() {
        Map<String, String> users = new HashMap<>();
        partners.all().forEach(p -> users.put(p.username(), p.password()));
        Map<String, Object> props = new HashMap<>();
        // with the actions ignored, this list only tells WSS4J what to prepare for (the signature
        // verification crypto is loaded only when Signature is listed)
        props.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " " + ConfigurationConstants.TIMESTAMP
                + " " + ConfigurationConstants.SIGNATURE);
        props.put(ConfigurationConstants.PW_CALLBACK_REF, new Passwords(users));
        // WSS4J refuses a timestamp (and a UsernameToken) created longer ago than this, whatever
        // expiry its sender gave it; PartnerCheck requires that there is one
        props.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(timestampMaxAge));
        props.put(ConfigurationConstants.TTL_USERNAMETOKEN, String.valueOf(timestampMaxAge));
        props.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "adapterExchangeTrust");
        props.put("adapterExchangeTrust", KeyMaterial.trusting(certificates.values().stream().flatMap(List::stream).toList()));
        WSS4JInInterceptor wss4j = new WSS4JInInterceptor(props);
        // the actions required differ per partner: WSS4J processes whatever the header holds and
        // PartnerCheck requires, per partner, the token, the timestamp and what the signature covers
        wss4j.setIgnoreActions(true);
        return List.of(wss4j, new PartnerCheck(partners, certificates));
    }

    /** The client side for one partner: our UsernameToken at its service, and our signature if it signs. */
    WSS4JOutInterceptor clientInterceptor(ExchangePartner partner) {
        String user = partner.remoteUsername().orElseThrow();
        Map<String, String> passwords = new HashMap<>();
        passwords.put(user, partner.remotePassword().orElseThrow());
        Map<String, Object> props = new HashMap<>();
        props.put(ConfigurationConstants.USER, user);
        props.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_DIGEST);
        props.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
        props.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
        if (partner.signed()) {
            passwords.put(ownAlias, ownKeyPassword);
            props.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " " + ConfigurationConstants.TIMESTAMP
                    + " " + ConfigurationConstants.SIGNATURE);
            props.put(ConfigurationConstants.SIGNATURE_USER, ownAlias);
            props.put(ConfigurationConstants.SIG_PROP_REF_ID, "adapterExchangeKey");
            props.put("adapterExchangeKey", KeyMaterial.signing(ownKeys.orElseThrow()));
            props.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
            props.put(ConfigurationConstants.SIGNATURE_PARTS, TIMESTAMP + ";" + BODY);
            props.put(ConfigurationConstants.SIG_ALGO, RSA_SHA256);
            props.put(ConfigurationConstants.SIG_DIGEST_ALGO, SHA256);
        } else {
            props.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " " + ConfigurationConstants.TIMESTAMP);
        }
        props.put(ConfigurationConstants.PW_CALLBACK_REF, new Passwords(passwords));
        return new WSS4JOutInterceptor(props);
    }
}
