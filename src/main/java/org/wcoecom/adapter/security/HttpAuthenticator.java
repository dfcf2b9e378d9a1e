package org.wcoecom.adapter.security;

import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.pipeline.Headers;
import org.wcoecom.adapter.pipeline.RejectedMessageException;
import org.wcoecom.adapter.pipeline.Rejection;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Tells who posted an HTTP message from its API key ({@code X-Api-Key}, or
 * {@code Authorization: Bearer KEY}), read from the request's headers only, before anything reads the body. A missing or unknown key is
 * answered 401, a key used under another partner's name ({@code X-Partner-Id}) 403.
 */
public final class HttpAuthenticator {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "PARTNER_FORBIDDEN";

    private static final java.util.regex.Pattern CREDENTIALS_IN_QUERY =
            java.util.regex.Pattern.compile("(?i)(^|[&;])\\s*(x-api-key|authorization|x-partner-id)\\s*(=|&|;|$)");

    private final PartnerKeys keys;

    public HttpAuthenticator(PartnerKeys keys) {
        this.keys = keys;
    }

    /** Camel step: sets the partner header from the key, or rejects the message. */
    public void authenticate(Exchange exchange) throws RejectedMessageException {
        Message in = exchange.getMessage();
        // platform-http turns query parameters into headers: a key in the URL would pass for one in a header
        // (and URLs end up in proxies' and browsers' logs), so credentials in the URL are refused outright
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query != null && CREDENTIALS_IN_QUERY.matcher(decoded(query)).find()) {
            throw refuse(Optional.empty(), 401, UNAUTHENTICATED,
                    "credentials in the URL are not accepted: send the partner's key in the X-Api-Key header");
        }
        String key = in.getHeader("X-Api-Key", String.class);
        String authorization = in.getHeader("Authorization", String.class);
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        Optional<String> partner = keys.partnerOf(key);
        if (partner.isEmpty()) {
            throw refuse(Optional.empty(), 401, UNAUTHENTICATED, key == null || key.isBlank()
                    ? "no API key: send the partner's key in the X-Api-Key header"
                    : "the API key is not known");
        }
        String named = in.getHeader("X-Partner-Id", String.class);
        if (named != null && !named.isBlank() && !named.trim().equals(partner.get())) {
            throw refuse(partner, 403, FORBIDDEN, "the API key belongs to partner " + partner.get()
                    + ", not to '" + named.trim() + "'");
        }
        in.setHeader(Headers.PARTNER, partner.get());
    }

    /** The query as platform-http reads it (names may be percent-encoded); as it is when it does not decode. */
    private static String decoded(String query) {
        try {
            return java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return query;
        }
    }

    private static RejectedMessageException refuse(Optional<String> partner, int status, String code, String text) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(),
                List.of(new XmlError(code, 0, 0, "/", text)), 0, "message"), status);
    }
}
