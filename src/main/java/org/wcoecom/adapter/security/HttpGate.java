package org.wcoecom.adapter.security;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The HTTP ingress's Vert.x handlers, ahead of Camel's route on the same path: the caller is
 * authenticated from the request head ({@link HttpAuthenticator}) before a byte of the body is
 * read; the body is then read with Vert.x's {@link BodyHandler} up to a limit (413 as soon as it
 * is passed, or at once when the Content-Length says so), and the whole request must have arrived
 * within the request timeout (408). A refused caller gets a rejection receipt and the connection
 * is closed: whatever body it still sends is dropped unread, for a moment at most.
 */
public final class HttpGate {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGate.class);
    private static final String DEADLINE = "adapter.http.deadline";
    /**
     * After a refusal, what may still arrive of the body is read and dropped, this much and this
     * long at most, before the connection is closed: closing a socket with unread data makes the
     * kernel reset it, and the caller could lose the answer it was sent.
     */
    private static final long LINGER_BYTES = 1 << 20;
    private static final long LINGER_MILLIS = 2000;
    private static final int RETRY_AFTER_SECONDS = 5;

    private final HttpAuthenticator authenticator;
    private final ReceiptService receipts;
    private final long maxBodyBytes;
    private final long requestTimeoutMillis;
    private final BooleanSupplier serving;
    /** Requests let through and not answered yet, from the gate on: Camel only sees them once their body is read. */
    private final AtomicInteger unanswered = new AtomicInteger();

    /**
     * @param serving whether the adapter serves partners now: false while it starts (the port opens
     *                before the routes exist) and from the moment it begins to stop
     */
    public HttpGate(HttpAuthenticator authenticator, ReceiptService receipts, long maxBodyBytes, long requestTimeoutMillis,
                    BooleanSupplier serving) {
        this.authenticator = authenticator;
        this.receipts = receipts;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.serving = serving;
    }

    /**
     * Requests let through that have no answer yet. A stop waits for them: one that has passed the
     * gate but not yet reached its route (its body still being read) is not in Camel's in-flight count.
     */
    public int unanswered() {
        return unanswered.get();
    }

    public long requestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    /** Puts the gate on POST requests to the path; Camel's route for the path, added later, runs after it. */
    public void install(Router router, String path) {
        // two routes: Vert.x runs a route's body handler before any other of its handlers
        Route gate = router.post(path);
        gate.handler(this::whenServing);
        gate.handler(this::authenticate);
        gate.failureHandler(this::failed);
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::bodyRead);
    }

    /** The body handler Camel's own route would add: the body is read by then, it only moves on. */
    public BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    /** Not started yet, or stopping: 503 with Retry-After (sending again later is safe), never a 404. */
    private void whenServing(RoutingContext ctx) {
        // counted before serving is asked: a stop that finds none unanswered has already made serving false
        unanswered.incrementAndGet();
        if (serving.getAsBoolean()) {
            ctx.addEndHandler(done -> unanswered.decrementAndGet());
            ctx.next();
            return;
        }
        unanswered.decrementAndGet();
        ctx.request().pause();
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONNECTION, "close").putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end("the adapter is starting or stopping; send the message again in a few seconds")
                .onComplete(sent -> hangUp(ctx));
    }

    private void authenticate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // nothing of the body is taken from the connection until the caller is known
        request.pause();
        long deadline = ctx.vertx().setTimer(requestTimeoutMillis, id -> timedOut(ctx));
        ctx.put(DEADLINE, deadline);
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(deadline));

        HttpAuthenticator.Verdict verdict = authenticator.check(request.getHeader("X-Api-Key"), request.getHeader("Authorization"),
                request.getHeader("X-Partner-Id"), clientCertificate(request));
        if (!verdict.authenticated()) {
            LOG.info("HTTP request from {} refused ({}): {}", request.remoteAddress(), verdict.status(), verdict.reason());
            refuse(ctx, verdict.partner(), verdict.status(), verdict.code(), verdict.reason());
            return;
        }
        ctx.setUser(User.fromName(verdict.partner().get()));
        request.resume();
        ctx.next();
    }

    private void bodyRead(RoutingContext ctx) {
        Long deadline = ctx.get(DEADLINE);
        if (deadline != null) {
            ctx.vertx().cancelTimer(deadline);
        }
        ctx.next();
    }

    private void timedOut(RoutingContext ctx) {
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            refuse(ctx, partner(ctx), 408, XmlError.MALFORMED, "the request did not arrive whole within "
                    + requestTimeoutMillis + " ms");
        }
    }

    /** Vert.x's BodyHandler failed the request (413), or something after it did. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        if (ctx.statusCode() == 413) {
            refuse(ctx, partner(ctx), 413, XmlError.TOO_LARGE, "the request body is larger than the limit of " + maxBodyBytes + " bytes");
        } else {
            ctx.next();
        }
    }

    /** Answers with a rejection receipt and hangs up: the rest of the request is never processed. */
    private void refuse(RoutingContext ctx, Optional<String> partner, int status, String code, String reason) {
        ctx.vertx().executeBlocking(() -> receipts.rejected(new Rejection(partner, Optional.empty(), Optional.empty(),
                List.of(new XmlError(code, 0, 0, "/", reason)), 0, "message")).xml(), false).onComplete(rendered -> {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.headWritten()) {
                return;
            }
            response.setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close");
            Buffer body;
            if (rendered.succeeded()) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/xml; charset=UTF-8");
                body = Buffer.buffer(rendered.result());
            } else {
                LOG.error("cannot write the refusal receipt: {}", rendered.cause().toString());
                body = Buffer.buffer();
            }
            response.end(body).onComplete(sent -> hangUp(ctx));
        });
    }

    /** Closes the connection once the caller stopped sending, or had its lingering allowance. */
    private static void hangUp(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> request.connection().close());
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                ctx.vertx().cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }

    private static Optional<String> partner(RoutingContext ctx) {
        return Optional.ofNullable(ctx.user()).map(u -> u.principal().getString("username"));
    }

    private static Optional<X509Certificate> clientCertificate(HttpServerRequest request) {
        if (!request.isSSL()) {
            return Optional.empty();
        }
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            return chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf) ? Optional.empty() : Optional.of(leaf);
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        }
    }
}
