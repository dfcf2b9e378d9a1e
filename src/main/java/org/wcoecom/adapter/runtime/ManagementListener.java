package org.wcoecom.adapter.runtime;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.wcoecom.adapter.operations.Readiness;
import org.wcoecom.adapter.settings.Settings;

/**
 * The management port (adapter.management.host/port, loopback by default): liveness and readiness
 * from Camel's health checks, the Prometheus scrape, and the operations page. It listens before
 * Camel starts, so that readiness says "not yet" rather than nothing.
 */
final class ManagementListener implements AutoCloseable {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";

    private final Vertx vertx;
    private final HttpServer server;
    private final Router router;

    private ManagementListener(Vertx vertx, HttpServer server, Router router) {
        this.vertx = vertx;
        this.server = server;
        this.router = router;
    }

    static ManagementListener start(Settings settings, Readiness readiness, Supplier<CamelContext> camel,
                                    Supplier<String> scrape) {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get(LIVE).handler(ctx -> health(ctx, camel, readiness, false));
            router.get(READY).handler(ctx -> health(ctx, camel, readiness, true));
            router.get(METRICS).handler(ctx -> ctx.vertx().executeBlocking(scrape::get, false).onComplete(r -> {
                if (r.succeeded()) {
                    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(r.result());
                } else {
                    ctx.response().setStatusCode(500).end(String.valueOf(r.cause()));
                }
            }));
            HttpServerOptions options = new HttpServerOptions().setHost(settings.get("adapter.management.host"))
                    .setPort(settings.integer("adapter.management.port")).setHttp2ClearTextEnabled(false)
                    .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS);
            HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ManagementListener(vertx, server, router);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("management (adapter.management.port): cannot listen on " + settings.get("adapter.management.host")
                    + ":" + settings.get("adapter.management.port") + ": " + cause.getMessage(), cause);
        }
    }

    /** Adds handlers (the operations page) to the management port. */
    void mount(Consumer<Router> routes) {
        routes.accept(router);
    }

    Vertx vertx() {
        return vertx;
    }

    int port() {
        return server.actualPort();
    }

    /**
     * 200 when up, 503 otherwise, with each check's state. Readiness is down until every route has
     * started and again from the moment the adapter begins to stop, whatever the checks say.
     */
    private static void health(RoutingContext ctx, Supplier<CamelContext> camel, Readiness readiness, boolean ready) {
        ctx.vertx().executeBlocking(() -> {
            CamelContext context = camel.get();
            JsonObject body = new JsonObject().put("state", readiness.state().name());
            JsonArray checks = new JsonArray();
            boolean up;
            if (context == null || !context.getStatus().isStarted()) {
                up = !ready && readiness.state() != Readiness.State.STOPPING;
            } else {
                Collection<HealthCheck.Result> results = ready ? HealthCheckHelper.invokeReadiness(context)
                        : HealthCheckHelper.invokeLiveness(context);
                for (HealthCheck.Result r : results) {
                    JsonObject check = new JsonObject().put("id", r.getCheck().getId()).put("group", r.getCheck().getGroup())
                            .put("state", r.getState().name());
                    r.getMessage().ifPresent(m -> check.put("message", m));
                    checks.add(check);
                }
                up = HealthCheckHelper.isResultsUp(results, ready);
            }
            if (ready) {
                up = up && readiness.isRunning();
            }
            return body.put("status", up ? "UP" : "DOWN").put("checks", checks);
        }, false).onComplete(r -> {
            if (r.failed()) {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "DOWN").put("error", String.valueOf(r.cause())).encode());
                return;
            }
            boolean up = "UP".equals(r.result().getString("status"));
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json").end(r.result().encodePrettily());
        });
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
