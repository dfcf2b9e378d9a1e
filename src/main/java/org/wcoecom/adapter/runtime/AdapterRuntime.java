package org.wcoecom.adapter.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.broker.AdapterJmsConfiguration;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.broker.JmsConnections;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.operations.BrokerCheck;
import org.wcoecom.adapter.operations.DatabaseCheck;
import org.wcoecom.adapter.operations.DiskSpaceCheck;
import org.wcoecom.adapter.operations.OperationsGauges;
import org.wcoecom.adapter.operations.OperationsPage;
import org.wcoecom.adapter.operations.OperationsView;
import org.wcoecom.adapter.operations.Readiness;
import org.wcoecom.adapter.operations.SoapEndpointCheck;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.security.ClientCertificates;
import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.security.ServerTls;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.OperationsQueries;

/**
 * The running adapter: the embedded broker (unless an external one is configured), the JMS
 * connection pool, and Camel Main with the routes of {@code routes/*.yaml}.
 *
 * <p>Start and stop are ordered: the broker starts before any route consumes, and stops only
 * after Camel and the connection pool have stopped (Artemis' in-VM threads would otherwise keep
 * the JVM alive).
 */
public final class AdapterRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterRuntime.class);

    private final Settings settings;
    private final FormatRegistry formats;
    private final PartnerDirectory partners;
    private final Routing routing;
    private final Path partnersFile;
    private PartnersReload partnersReload;
    private final List<Runnable> afterStart = new ArrayList<>();
    private final List<Runnable> afterStop = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedBroker broker;
    private JmsConnections connections;
    private Engine engine;
    private HttpListener http;
    private Optional<ServerTls> tls = Optional.empty();
    private Credentials credentials;
    private Main main;
    private final Readiness readiness = new Readiness();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private ManagementListener management;
    private volatile OperationsView view;
    private volatile OperationsGauges gauges;

    public AdapterRuntime(Settings settings) {
        this.settings = settings;
        LogSetup.apply(settings);
        this.formats = compiledFormats(settings);
        this.partnersFile = PartnersFile.prepare(settings);
        this.partners = PartnerDirectory.load(Optional.of(partnersFile));
        this.routing = Routing.load(settings.home());
        requireKnownFormats(formats, partners);
    }

    /**
     * Every format compiled now; a broken folder is reported and left out, and the others work,
     * unless adapter.formats.require-all says the adapter must not start without all of them.
     */
    private static FormatRegistry compiledFormats(Settings settings) {
        FormatRegistry compiled = FormatRegistry.configured(settings).compileAll();
        compiled.problems().forEach(p -> LOG.warn("{} (its messages are refused as of an unknown format until it is fixed)", p.describe()));
        if (!compiled.problems().isEmpty() && Boolean.parseBoolean(settings.optional("adapter.formats.require-all").orElse("false"))) {
            throw new IllegalArgumentException("adapter.formats.require-all is true and " + compiled.problems().size()
                    + " format folder(s) cannot be used: " + String.join("; ", compiled.problems().stream().map(FormatRegistry.Problem::describe).toList()));
        }
        return compiled;
    }

    /** A partner may only be allowed formats the adapter has, and declarations only if it declares. */
    private static void requireKnownFormats(FormatRegistry formats, PartnerDirectory partners) {
        for (Partner p : partners.all()) {
            for (String id : p.formats()) {
                Optional<FormatRegistry.Problem> leftOut = formats.problems().stream().filter(x -> x.format().equals(id)).findFirst();
                if (formats.byId(id).isEmpty() && leftOut.isPresent()) {
                    LOG.warn("partner {} may send {}, which is left out: its messages are refused until the format is fixed", p.id(), id);
                    continue;
                }
                var format = formats.byId(id).orElseThrow(() -> new IllegalArgumentException("partners file: partner " + p.id()
                        + " may send " + id + ", which is not a format of this adapter (see `formats`)"));
                if (java.util.Set.of("inventory", "declaration").contains(format.definition().kind()) && !p.mayDeclare()) {
                    throw new IllegalArgumentException("partners file: partner " + p.id() + " (role " + p.role() + ") may not send "
                            + id + ": declarations come only from partners with role declarant");
                }
            }
        }
    }

    /** Runs something once every route has started (the demo, the start-up summary). */
    public void afterStart(Runnable task) {
        afterStart.add(task);
    }

    /**
     * Runs once everything has stopped, before a SIGTERM lets the JVM exit (after the shutdown hook
     * returns, nothing else is sure to run).
     */
    public void afterStop(Runnable task) {
        afterStop.add(task);
    }

    /** Starts everything and returns; {@link #close()} stops it. */
    public void start() throws Exception {
        try {
            prepare();
            main.start();
            watchPartnersFile(main.getCamelContext());
            // Main's listeners hear afterStart only when it runs (runUntilStopped)
            readiness.running();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * Starts everything and blocks until the process is told to stop (Ctrl-C, SIGTERM); then stops
     * everything in order before the JVM exits.
     */
    public void runUntilStopped() throws Exception {
        prepare();
        Thread hook = new Thread(() -> {
            main.completed();
            try {
                // the JVM exits when the hooks return: wait for the orderly stop on the main thread
                stopped.await(settings.integer("camel.main.shutdown-timeout") + 15L, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "adapter-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            main.run();
        } finally {
            close();
        }
    }

    private void prepare() throws Exception {
        // Vert.x and Artemis report a taken port in their logs and start anyway: check first
        Ports.requireFree("management (adapter.management.port)", settings.get("adapter.management.host"),
                settings.integer("adapter.management.port"));
        Ports.requireFree("HTTP (adapter.http.port)", settings.get("adapter.http.host"), settings.integer("adapter.http.port"));
        if (soapListens()) {
            Ports.requireFree("SOAP (adapter.soap.port)", settings.get("adapter.soap.host"), settings.integer("adapter.soap.port"));
        }
        Optional<String> externalUrl = settings.optional("adapter.broker.url");
        if (externalUrl.isEmpty()) {
            Ports.requireFree("broker (adapter.broker.port)", settings.get("adapter.broker.host"), settings.integer("adapter.broker.port"));
            Ports.requireFree("operator (adapter.broker.operator-port)", settings.get("adapter.broker.operator-host"),
                    settings.integer("adapter.broker.operator-port"));
        }
        // first: readiness says "not yet" for as long as the start takes
        management = ManagementListener.start(settings, readiness, () -> main == null ? null : main.getCamelContext(), this::scrape);
        tls = ServerTls.from(settings);
        ClientCertificates clientCertificates = ClientCertificates.from(settings,
                partners.all().stream().map(Partner::id).collect(java.util.stream.Collectors.toSet()));
        credentials = Credentials.load(settings, partners);
        String url;
        String user;
        String password;
        if (externalUrl.isPresent()) {
            url = externalUrl.get();
            user = settings.optional("adapter.broker.user").orElse(null);
            password = settings.optional("adapter.broker.password").orElse(null);
        } else {
            // the adapter's own broker user lives as long as this run
            user = BrokerUsers.ADAPTER;
            password = java.util.UUID.randomUUID().toString();
            broker = embeddedBroker(settings, credentials, partners, routing, settings.get("adapter.broker.host"), password, tls);
            broker.start();
            url = broker.inVmUrl();
        }
        connections = new JmsConnections(url, user, password);

        main = new Main();
        if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy strategy) {
            // our own shutdown hook stops everything in order (see runUntilStopped)
            strategy.disableHangupSupport();
        }
        Map<String, Object> props = new LinkedHashMap<>(settings.all());
        props.put("adapter.data.dir", settings.dataDir().toString());
        // the adapter runs the HTTP server itself (HttpListener): Camel's has no client certificates
        props.put("camel.server.enabled", "false");
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(props);
        main.configure().withRoutesIncludePattern("file:" + settings.home().resolve("routes") + "/*.camel.yaml");

        JmsComponent jms = new JmsComponent(new AdapterJmsConfiguration(connections.factory(),
                settings.integer("adapter.jms.concurrent-consumers")));
        main.bind("jms", jms);
        // Camel's Micrometer support (route policies, JVM binders) records into this registry, and so do the adapter's own meters
        main.bind("metricsRegistry", metrics);
        engine = new Engine(settings, formats, partners, routing, credentials.partnerKeys(), clientCertificates, tls, user, main,
                readiness::isRunning, metrics);
        bindHealthChecks(user, password);
        view = new OperationsView(new OperationsQueries(engine.dataSource()), engine.audit(), connections.factory(), user, password,
                settings.get("adapter.customs.inbound"));
        gauges = new OperationsGauges(metrics, view);
        management.mount(new OperationsRoutes(view, new OperationsPage(settings.receiptZone()),
                credentials.brokerPassword(BrokerUsers.OPERATOR).orElseThrow(() -> new IllegalStateException(
                        "no operator password for the operations page (" + Credentials.secretsFile(settings) + ")")))::mount);
        http = HttpListener.start(settings, engine.httpGate(), tls, clientCertificates, main);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                addPartnerRoutes(m.getCamelContext());
            }

            @Override
            public void afterStart(BaseMainSupport m) {
                watchPartnersFile(m.getCamelContext());
                readiness.running();
                afterStart.forEach(Runnable::run);
            }

            @Override
            public void beforeStop(BaseMainSupport m) {
                readiness.stopping();
            }
        });
    }

    /** The embedded broker when the adapter runs its own (the benchmark counts what it stores). */
    public Optional<EmbeddedBroker> broker() {
        return Optional.ofNullable(broker);
    }

    /** An embedded broker set up exactly as a run with these settings sets up its own, not started, and its users' credentials. */
    public record StandaloneBroker(EmbeddedBroker broker, Credentials credentials) {
    }

    /**
     * The broker of a run with these settings without the adapter around it: the benchmark's stock
     * routes run on it, so that only the route differs from the adapter's.
     */
    public static StandaloneBroker standaloneBroker(Settings settings, String adapterPassword) {
        PartnerDirectory partners = PartnerDirectory.load(Optional.of(PartnersFile.prepare(settings)));
        Credentials credentials = Credentials.load(settings, partners);
        return new StandaloneBroker(embeddedBroker(settings, credentials, partners, Routing.load(settings.home()),
                settings.get("adapter.broker.host"), adapterPassword, ServerTls.from(settings)), credentials);
    }

    /**
     * The adapter's own checks beside Camel's route and consumer checks (camel.health.* in
     * application.properties): found in the registry, each counts for readiness.
     */
    private void bindHealthChecks(String brokerUser, String brokerPassword) {
        main.bind("adapterDatabaseCheck", new DatabaseCheck(engine.dataSource()));
        main.bind("adapterBrokerCheck", new BrokerCheck(connections.factory()));
        List<Path> durable = new ArrayList<>();
        if (broker != null) {
            durable.add(broker.journalDir());
        }
        if (settings.optional("adapter.db.url").isEmpty()) {
            durable.add(settings.dataDir().resolve("db"));
        }
        durable.add(settings.dataDir());
        main.bind("adapterDiskCheck", new DiskSpaceCheck(durable, Long.parseLong(settings.get("adapter.management.min-free-disk-bytes"))));
        if (soapListens()) {
            main.bind("adapterSoapCheck", new SoapEndpointCheck(settings.get("adapter.soap.host"), settings.integer("adapter.soap.port")));
        }
    }

    /**
     * The embedded broker as the settings describe it (journal, users, redelivery, address limits),
     * listening on the given host: the adapter's, and the one operator commands open on a stopped
     * adapter's journal.
     */
    static EmbeddedBroker embeddedBroker(Settings settings, Credentials credentials, PartnerDirectory partners, Routing routing,
                                         String host, String adapterPassword, Optional<ServerTls> tls) {
        String destination = settings.get("adapter.egress.ceb.destination");
        EmbeddedBroker.Redelivery redelivery = new EmbeddedBroker.Redelivery(settings.integer("adapter.reliability.max-attempts"),
                Long.parseLong(settings.get("adapter.reliability.redelivery-delay")),
                Double.parseDouble(settings.get("adapter.reliability.redelivery-multiplier")),
                Long.parseLong(settings.get("adapter.reliability.max-redelivery-delay")));
        EmbeddedBroker broker = new EmbeddedBroker(settings.dataDir(), host, settings.integer("adapter.broker.port"),
                credentials.brokerUsers(adapterPassword, partners, destination, settings.get("adapter.customs.inbound")), redelivery,
                addressLimit(settings, "adapter.broker.max-address-bytes", "adapter.broker.address-full-policy"))
                .limit(destination, addressLimit(settings, "adapter.egress.ceb.max-bytes", "adapter.egress.ceb.full-policy"))
                .journalBufferTimeout(java.time.Duration.ofNanos(1000L * settings.integer("adapter.broker.journal-buffer-timeout-us")))
                // as on HTTP: somewhat over the limit is answered with a receipt, far over it is refused at once
                .maxPartnerMessageBytes(2 * Long.parseLong(settings.get("adapter.limits.max-message-bytes")))
                .tls(tls.map(t -> new EmbeddedBroker.Keystore(t.keystore(), t.password())))
                .operatorAcceptor(settings.get("adapter.broker.operator-host"), settings.integer("adapter.broker.operator-port"))
                .jmx(Boolean.parseBoolean(settings.optional("adapter.broker.management").orElse("false")));
        // each partner's queue holds so much, then its sends wait or fail: one partner cannot fill the broker for all
        EmbeddedBroker.AddressLimit partnerLimit = partnerLimit(settings);
        for (Partner p : partners.all()) {
            broker.limit("partner." + p.id() + ".in", partnerLimit);
        }
        // the overseas-customs exchange reads its queues only while SOAP is enabled
        boolean exchanging = Boolean.parseBoolean(settings.get("adapter.soap.enabled"));
        for (Routing.Route r : routing.all()) {
            broker.multicast(r.address(), r.queues(consumer -> exchanging || !EXCHANGE_CONSUMER.equals(consumer)));
        }
        // the canonical addresses hold so much, then publishing waits: the pipeline takes partner messages
        // no faster than its slowest consumer (the three-document check, egress) works them off, so neither
        // the broker nor the store of waiting groups grows without bound under a sustained overload
        broker.limit(CANONICAL_ADDRESSES, addressLimit(settings, "adapter.broker.canonical-max-bytes", "adapter.broker.canonical-full-policy"));
        return broker;
    }

    /** The consumer name of routing.yaml whose queues the SOAP exchange reads. */
    private static final String EXCHANGE_CONSUMER = "exchange";
    /** Every kind's address (mappings/routing.yaml names them canonical.<kind>), as an Artemis match. */
    private static final String CANONICAL_ADDRESSES = "canonical.#";

    private static EmbeddedBroker.AddressLimit partnerLimit(Settings settings) {
        return addressLimit(settings, "adapter.broker.partner-max-bytes", "adapter.broker.partner-full-policy");
    }

    /**
     * The partners file is read again when it changes (adapter.partners.reload-interval): a new
     * partner gets its API key, its inbox, and on the embedded broker its user, queues, limit and
     * ingress route; a removed one loses them (see PartnersReload).
     */
    private synchronized void watchPartnersFile(CamelContext context) {
        if (partnersReload != null) {
            return;
        }
        partnersReload = new PartnersReload(partnersFile, partners, p -> requireKnownFormats(formats, p), new PartnersReload.Channels() {
            @Override
            public void added(Partner p) throws Exception {
                Optional<String> password = credentials.admit(p);
                if (broker != null && password.isPresent()) {
                    broker.addPartner(p.id(), password.get(), partnerLimit(settings));
                } else if (broker == null) {
                    LOG.warn("partner {} added: set up its user and queues partner.{}.in / .receipts on the external broker", p.id(), p.id());
                }
                addPartnerRoute(context, p);
            }

            @Override
            public void removed(Partner p) throws Exception {
                credentials.revoke(p.id());
                if (broker != null) {
                    broker.removePartner(p.id());
                }
                String route = "ingress-jms-" + p.id();
                if (context.getRoute(route) != null) {
                    context.getRouteController().stopRoute(route);
                    context.removeRoute(route);
                }
            }
        });
        partnersReload.start(Long.parseLong(settings.optional("adapter.partners.reload-interval").orElse("5000")));
    }

    /** Reads the partners file again now if it changed (the timer does it too); true when the partners changed. */
    public boolean reloadPartners() {
        return partnersReload != null && partnersReload.reloadIfChanged();
    }

    public Path partnersFile() {
        return partnersFile;
    }

    private static EmbeddedBroker.AddressLimit addressLimit(Settings settings, String bytesKey, String policyKey) {
        return new EmbeddedBroker.AddressLimit(Long.parseLong(settings.get(bytesKey)),
                settings.get(policyKey).toUpperCase(java.util.Locale.ROOT));
    }

    /** A route per partner queue: each partner's, and each overseas customs administration's (its SOAP requests). */
    private void addPartnerRoutes(CamelContext context) {
        for (Partner p : partners.all()) {
            addPartnerRoute(context, p);
        }
        if (soapListens()) {
            for (var p : org.wcoecom.adapter.soap.ExchangePartners.from(settings).all()) {
                TemplatedRouteBuilder.builder(context, "ingress-jms")
                        .routeId("ingress-jms-exchange-" + p.id())
                        .parameter("partner", p.id())
                        .parameter("queue", "exchange." + p.id() + ".in")
                        .add();
            }
        }
    }

    private static void addPartnerRoute(CamelContext context, Partner p) {
        TemplatedRouteBuilder.builder(context, "ingress-jms")
                .routeId("ingress-jms-" + p.id())
                .parameter("partner", p.id())
                .parameter("queue", "partner." + p.id() + ".in")
                .add();
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    /** Partners', operator's and customs' secrets (known once started). */
    public Credentials credentials() {
        return credentials;
    }

    public Settings settings() {
        return settings;
    }

    public FormatRegistry formats() {
        return formats;
    }

    public PartnerDirectory partners() {
        return partners;
    }

    /** The adapter's TLS identity, when TLS is on (known once started). */
    public Optional<ServerTls> tls() {
        return tls;
    }

    /** Where partners reach the broker over TCP, or the external broker's URL. */
    public String brokerUrl() {
        return broker != null ? broker.tcpUrl() : settings.get("adapter.broker.url");
    }

    /** What listens where, for the start-up banner. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        String httpHost = settings.get("adapter.http.host");
        lines.add("HTTP     POST " + (tlsEnabled() ? "https" : "http") + "://" + ("0.0.0.0".equals(httpHost) ? "localhost" : httpHost) + ":"
                + settings.get("adapter.http.port") + "/api/v1/messages  (header X-Api-Key: the partner's API key)");
        lines.add("manage   http://" + settings.get("adapter.management.host") + ":" + settings.get("adapter.management.port")
                + " /health/live /health/ready /metrics /ops (operations page: user operator, the operator's broker password)");
        lines.add("broker   " + (broker != null ? "embedded Artemis, journal " + broker.journalDir() + ", partners at " + broker.tcpUrl()
                + ", operator at tcp://" + settings.get("adapter.broker.operator-host") + ":" + settings.get("adapter.broker.operator-port")
                : "external " + settings.get("adapter.broker.url")));
        for (Partner p : partners.all()) {
            lines.add("JMS      partner.%s.in -> receipts on partner.%s.receipts (broker user %s)".formatted(p.id(), p.id(), p.id()));
        }
        lines.add("partners " + partnersFile + " (read again when it changes)");
        lines.add("files    " + settings.dataDir().resolve("inbox") + "/<partner>/  -> receipts in "
                + settings.dataDir().resolve("outbox") + "/<partner>/");
        lines.add("forward  canonical orders, payments, waybills, statuses, declarations -> CEB311/411/511/513/621 on queue "
                + settings.get("adapter.egress.ceb.destination"));
        if (engine != null && Boolean.parseBoolean(settings.get("adapter.soap.enabled"))) {
            lines.add(engine.soap().describe());
        }
        lines.add("customs  receipts from queue " + settings.get("adapter.customs.inbound") + " relayed to the records' senders");
        lines.add("secrets  " + Credentials.secretsFile(settings) + " (API keys, broker passwords; or ADAPTER_SECRET_* variables)");
        lines.add("failures dead letters on DLQ.<stage> (ingress, egress, crosscheck, customs): `dlq list`, `dlq replay`");
        lines.add("formats  " + String.join(", ", formats.all().stream().map(f -> f.id()).toList()));
        return lines;
    }

    /** The SOAP service listens when it is on and has an exchange partner to hear. */
    private boolean soapListens() {
        return Boolean.parseBoolean(settings.get("adapter.soap.enabled")) && settings.optional("adapter.soap.partners").isPresent();
    }

    private boolean tlsEnabled() {
        return Boolean.parseBoolean(settings.get("adapter.tls.enabled"));
    }

    /** The Prometheus text: the gauges read afresh, then every meter. */
    private String scrape() {
        OperationsGauges g = gauges;
        if (g != null && readiness.isRunning()) {
            g.refresh();
        }
        return metrics.scrape();
    }

    /** What the operations page shows (known once started). */
    public OperationsView operationsView() {
        return view;
    }

    /**
     * New partner requests are refused (503) from here on; those already waiting for their receipt get it
     * before the pipeline's consumers stop, instead of an error after the shutdown timeout.
     */
    private void answerWhatIsInFlight() {
        if (main == null || main.getCamelContext() == null || main.isStopped()) {
            return;
        }
        CamelContext context = main.getCamelContext();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.integer("camel.main.shutdown-timeout"));
        while (System.nanoTime() < deadline && ((engine != null && engine.httpGate().unanswered() > 0)
                || context.getInflightRepository().size("ingress-http") > 0
                || context.getInflightRepository().size("ingress-soap") > 0)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Where the management port listens (known once started). */
    public int managementPort() {
        return management.port();
    }

    public Readiness readiness() {
        return readiness;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        readiness.stopping();
        answerWhatIsInFlight();
        if (partnersReload != null) {
            partnersReload.close();
        }
        try {
            if (main != null && !main.isStopped()) {
                main.stop();
            }
        } catch (Exception e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        }
        if (http != null) {
            http.close();
            http = null;
        }
        if (connections != null) {
            connections.close();
            connections = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (Exception e) {
            LOG.warn("the broker did not stop cleanly: {}", e.getMessage());
        }
        if (management != null) {
            management.close();
            management = null;
        }
        metrics.close();
        if (stopped.getCount() > 0) {
            afterStop.forEach(Runnable::run);
        }
        stopped.countDown();
    }
}
