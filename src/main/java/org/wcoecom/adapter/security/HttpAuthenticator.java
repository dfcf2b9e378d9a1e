package org.wcoecom.adapter.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.vertx.ext.auth.User;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Tells who posted an HTTP message, from its request head alone: the partner's client certificate
 * (mutual TLS) and its API key ({@code X-Api-Key}, or {@code Authorization: Bearer KEY}).
 *
 * <p>A partner with client certificates configured must present one of them: its API key alone is
 * not enough, since a key is a bearer secret that proxies, logs and copies can leak while the
 * certificate's private key never leaves the partner. A key sent along with a certificate must be
 * the same partner's. A partner without certificates authenticates with its key. No credential, an
 * unknown one, or one of another partner's is 401; credentials of two partners, or a key used
 * under another partner's name ({@code X-Partner-Id}), 403.
 *
 * <p>{@link HttpGate} asks {@link #check} before any byte of the body is read; the route's step
 * {@link #authenticate(Exchange)} then only takes the partner the gate found.
 */
public final class HttpAuthenticator {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "PARTNER_FORBIDDEN";

    /** The outcome: the partner, or the HTTP status, receipt code and reason of the refusal. */
    public record Verdict(Optional<String> partner, int status, String code, String reason) {

        static Verdict of(String partner) {
            return new Verdict(Optional.of(partner), 200, "", "");
        }

        static Verdict refused(Optional<String> partner, int status, String code, String reason) {
            return new Verdict(partner, status, code, reason);
        }

        public boolean authenticated() {
            return status == 200;
        }
    }

    private final PartnerKeys keys;
    private final ClientCertificates certificates;

    public HttpAuthenticator(PartnerKeys keys, ClientCertificates certificates) {
        this.keys = keys;
        this.certificates = certificates;
    }

    /** Who sent a request with these headers over a connection with this client certificate, if any. */
    public Verdict check(String apiKey, String authorization, String partnerHeader, Optional<X509Certificate> clientCertificate) {
        String key = apiKey;
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        boolean keyGiven = key != null && !key.isBlank();
        Optional<String> byKey = keys.partnerOf(key);
        Optional<String> byCertificate = clientCertificate.flatMap(certificates::partnerOf);
        if (clientCertificate.isPresent() && byCertificate.isEmpty()) {
            return Verdict.refused(Optional.empty(), 401, UNAUTHENTICATED, "the client certificate is no partner's");
        }
        if (keyGiven && byKey.isEmpty()) {
            return Verdict.refused(Optional.empty(), 401, UNAUTHENTICATED, "the API key is not known");
        }
        if (byKey.isPresent() && byCertificate.isPresent() && !byKey.equals(byCertificate)) {
            return Verdict.refused(byCertificate, 403, FORBIDDEN, "the client certificate is partner " + byCertificate.get()
                    + "'s, the API key partner " + byKey.get() + "'s");
        }
        Optional<String> partner = byCertificate.or(() -> byKey);
        if (partner.isEmpty()) {
            return Verdict.refused(Optional.empty(), 401, UNAUTHENTICATED,
                    "no API key: send the partner's key in the X-Api-Key header");
        }
        if (certificates.required(partner.get()) && byCertificate.isEmpty()) {
            return Verdict.refused(Optional.empty(), 401, UNAUTHENTICATED, "partner " + partner.get()
                    + " authenticates with its client certificate (mutual TLS); its API key alone is not enough");
        }
        if (partnerHeader != null && !partnerHeader.isBlank() && !partnerHeader.trim().equals(partner.get())) {
            return Verdict.refused(partner, 403, FORBIDDEN, "the " + (byCertificate.isPresent() ? "client certificate" : "API key")
                    + " belongs to partner " + partner.get() + ", not to '" + partnerHeader.trim() + "'");
        }
        return Verdict.of(partner.get());
    }

    /**
     * Camel step: the partner header from what {@link HttpGate} authenticated (a Vert.x user, which
     * no request header can be). A request that did not pass the gate is refused.
     */
    public void authenticate(Exchange exchange) throws RejectedMessageException {
        Message in = exchange.getMessage();
        if (!(in.getHeader(VertxPlatformHttpConstants.AUTHENTICATED_USER) instanceof User user)) {
            throw new RejectedMessageException(new Rejection(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(new XmlError(UNAUTHENTICATED, 0, 0, "/", "not authenticated")), 0, "message"), 401);
        }
        in.setHeader(Headers.PARTNER, user.principal().getString("username"));
    }
}
