package org.wcoecom.adapter.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.operations.OperationsPage;
import org.wcoecom.adapter.operations.OperationsView;

/**
 * The operations page on the management port, for the operator alone: HTTP Basic with user
 * {@code operator} and the operator's broker password (the secrets file). The replay button posts a
 * form that must carry this run's token and come from the page's own origin.
 */
final class OperationsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);
    private static final String USER = "operator";
    private static final int MAX_NOTICES = 100;

    private final OperationsView view;
    private final OperationsPage page;
    private final byte[] password;
    private final String csrfToken = token();
    private final Map<String, String> notices = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_NOTICES;
        }
    });

    OperationsRoutes(OperationsView view, OperationsPage page, String operatorPassword) {
        this.view = view;
        this.page = page;
        this.password = operatorPassword.getBytes(StandardCharsets.UTF_8);
    }

    void mount(Router router) {
        router.route(OperationsPage.PATH + "*").handler(this::authenticate);
        router.get(OperationsPage.PATH).handler(ctx -> {
            String nonce = token();
            Optional<String> notice = Optional.ofNullable(ctx.request().getParam("done")).map(notices::get);
            html(ctx, () -> page.page(view.snapshot(), csrfToken, nonce, notice), nonce);
        });
        router.get(OperationsPage.FLOW).handler(ctx -> blocking(ctx, () -> page.flowSvg(view.queries().flow(java.time.Instant.now()
                .minus(OperationsView.WINDOW)), java.time.Instant.now()), body -> ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body)));
        router.get(OperationsPage.HISTORY).handler(ctx -> {
            String record = Optional.ofNullable(ctx.request().getParam("record")).orElse("");
            String nonce = token();
            html(ctx, () -> page.history(record, view.history(record), nonce), nonce);
        });
        router.post(OperationsPage.REPLAY).handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::replay);
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0 && USER.equals(pair.substring(0, colon))
                        && MessageDigest.isEqual(password, pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
                    ctx.next();
                    return;
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below
            }
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"wco-ecom-adapter operations\", charset=\"UTF-8\"")
                .putHeader("Content-Type", "text/plain; charset=utf-8").end("the operator's credentials are needed");
    }

    /**
     * POST: a dead letter back where it failed. Only from the page itself: same origin, this run's token.
     * (The page's referrer policy is same-origin: with no-referrer, browsers send "Origin: null".)
     */
    private void replay(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String site = ctx.request().getHeader("Sec-Fetch-Site");
        String host = ctx.request().getHeader("Host");
        boolean sameOrigin = (origin == null || origin.equals("http://" + host) || origin.equals("https://" + host))
                && (site == null || site.equals("same-origin"));
        String token = ctx.request().getFormAttribute("csrf");
        boolean tokenOk = token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), csrfToken.getBytes(StandardCharsets.UTF_8));
        if (!sameOrigin || !tokenOk) {
            LOG.warn("operations page: a replay request was refused (Origin {}, Sec-Fetch-Site {}, token {})", origin, site,
                    tokenOk ? "right" : token == null ? "missing" : "wrong");
            ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("refused: a replay must come from the operations page itself");
            return;
        }
        String id = Optional.ofNullable(ctx.request().getFormAttribute("id")).orElse("");
        blocking(ctx, () -> view.replay(id, "operations page").map(l -> "replayed " + l.id() + " from " + l.queue() + " to " + l.source())
                .orElse("no dead letter " + id + " (replayed already?)"), notice -> {
            String key = token();
            notices.put(key, notice);
            LOG.info("operations page: {}", notice);
            ctx.response().setStatusCode(303).putHeader("Location", OperationsPage.PATH + "?done=" + key).end();
        });
    }

    private void html(RoutingContext ctx, Callable<String> render, String nonce) {
        blocking(ctx, render, body -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; connect-src 'self'; img-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "same-origin")
                .putHeader("Cache-Control", "no-store").end(body));
    }

    private static void blocking(RoutingContext ctx, Callable<String> work, java.util.function.Consumer<String> answer) {
        ctx.vertx().executeBlocking(work, false).onComplete(r -> {
            if (r.succeeded()) {
                answer.accept(r.result());
            } else {
                LOG.warn("operations page: {}", r.cause().toString());
                ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("cannot show this now: " + r.cause().getClass().getSimpleName());
            }
        });
    }

    private static String token() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
