package org.wcoecom.adapter.runtime;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.Main;
import org.wcoecom.adapter.security.ClientCertificates;
import org.wcoecom.adapter.security.HttpGate;
import org.wcoecom.adapter.security.ServerTls;
import org.wcoecom.adapter.settings.Settings;

/**
 * The HTTP ingress's server: Vert.x with the adapter's own options, which Camel's built-in
 * platform-http server does not offer (client certificates for mutual TLS, an idle timeout), and a
 * router with the {@link HttpGate} ahead of the routes. Camel's platform-http consumers find the
 * router in the registry under the name its engine looks up and add their routes to it.
 */
final class HttpListener implements AutoCloseable {

    static final String PATH = "/api/v1/messages";

    private final Vertx vertx;
    private final HttpServer server;

    private HttpListener(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Listens now (a port that cannot be had fails the start) and binds the router for Camel. */
    static HttpListener start(Settings settings, HttpGate gate, Optional<ServerTls> tls, ClientCertificates clientCertificates,
                              Main main) throws Exception {
        if (tls.isEmpty() && !clientCertificates.isEmpty()) {
            throw new IllegalArgumentException("partners authenticate with client certificates"
                    + " (adapter.http.partner.<id>.client-certificates): set adapter.tls.enabled=true");
        }
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            gate.install(router, PATH);
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(settings.get("adapter.http.host"))
                    .setPort(settings.integer("adapter.http.port"))
                    // a connection that sends nothing for twice that long is closed, one that never
                    // completes its head included (the gate times out requests whose head came)
                    .setIdleTimeout((int) (2 * gate.requestTimeoutMillis()))
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    // HTTP/1.1 only: no cleartext upgrade to HTTP/2 (nor ALPN for it), which partners
                    // do not need and which brings its own ways to tie up a server
                    .setHttp2ClearTextEnabled(false);
            if (tls.isPresent()) {
                options.setSsl(true)
                        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                        .setKeyCertOptions(KeyCertOptions.wrap(tls.get().keyManagers()));
                if (!clientCertificates.isEmpty()) {
                    // asked, not required: partners without a certificate authenticate with their key
                    options.setClientAuth(ClientAuth.REQUEST).setTrustOptions(TrustOptions.wrap(clientCertificates.trust()));
                }
            }
            HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            main.bind(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO, new VertxPlatformHttpRouter(null, vertx, router,
                    VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO) {
                @Override
                public Handler<RoutingContext> bodyHandler() {
                    return gate.bodyHandler();
                }
            });
            return new HttpListener(vertx, server);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("HTTP (adapter.http.port): cannot listen on " + settings.get("adapter.http.host") + ":"
                    + settings.get("adapter.http.port") + ": " + cause.getMessage(), cause);
        }
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway
        }
        vertx.close();
    }
}
