package org.wcoecom.adapter.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.ConsumerType;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.broker.JmsConnections;
import org.wcoecom.adapter.broker.RollbackOnFailedCommitContainer;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.security.Credentials;

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
    private final Path partnersFile;
    private PartnersReload partnersReload;
    private final List<Runnable> afterStart = new ArrayList<>();
    private final List<Runnable> afterStop = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedBroker broker;
    private JmsConnections connections;
    private Engine engine;
    private Credentials credentials;
    private Main main;

    public AdapterRuntime(Settings settings) {
        this.settings = settings;
        this.formats = compiledFormats(settings);
        this.partnersFile = PartnersFile.prepare(settings);
        this.partners = PartnerDirectory.load(Optional.of(partnersFile));
        requireKnownFormats(formats, partners);
    }

    /**
     * Every format compiled now; a broken folder is reported and left out, and the others work,
     * unless adapter.formats.require-all says the adapter must not start without all of them.
     */
    private static FormatRegistry compiledFormats(Settings settings) {
        FormatRegistry compiled = settings.formats().compileAll();
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
        prepare();
        main.start();
        watchPartnersFile(main.getCamelContext());
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
        Ports.requireFree("HTTP (adapter.http.port)", settings.get("adapter.http.host"), settings.integer("adapter.http.port"));
        if (Boolean.parseBoolean(settings.get("adapter.soap.enabled"))) {
            Ports.requireFree("SOAP (adapter.soap.port)", settings.get("adapter.soap.host"), settings.integer("adapter.soap.port"));
        }
        Optional<String> externalUrl = settings.optional("adapter.broker.url");
        if (externalUrl.isEmpty()) {
            Ports.requireFree("broker (adapter.broker.port)", settings.get("adapter.broker.host"), settings.integer("adapter.broker.port"));
        }
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
            broker = embeddedBroker(settings, credentials, partners, settings.get("adapter.broker.host"), password);
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
        props.put("camel.server.port", settings.get("adapter.http.port"));
        props.put("camel.server.host", settings.get("adapter.http.host"));
        // the HTTP server cuts off at twice the limit, so that a message somewhat over it still gets
        // a receipt from the guard, and nothing much larger is ever read into memory
        props.put("camel.server.maxBodySize", String.valueOf(2 * Long.parseLong(settings.get("adapter.limits.max-message-bytes"))));
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(props);
        main.configure().withRoutesIncludePattern("file:" + settings.home().resolve("routes") + "/*.yaml");

        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connections.factory());
        // Transacted routes use the consumer's own session transaction: what a route sends joins the
        // session it consumes on, and one commit covers both. With the JmsTransactionManager Camel
        // would otherwise create, a cached consumer session and the manager's session committed
        // separately, and a kill between the two commits lost a record (CrashFaultIT found this).
        jms.setLazyCreateTransactionManager(false);
        jms.getConfiguration().setConsumerType(ConsumerType.Custom);
        jms.getConfiguration().setMessageListenerContainerFactory(RollbackOnFailedCommitContainer::new);
        main.bind("jms", jms);
        engine = new Engine(settings, formats, partners, credentials.partnerKeys(), main);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                addPartnerRoutes(m.getCamelContext());
            }

            @Override
            public void afterStart(BaseMainSupport m) {
                requireHttpListening(m.getCamelContext());
                watchPartnersFile(m.getCamelContext());
                afterStart.forEach(Runnable::run);
            }
        });
    }

    /**
     * Vert.x only logs a failed bind and Camel starts without it; the port check before start leaves a
     * moment in which another process may take the port. An adapter that cannot take HTTP messages must
     * not look healthy, so it stops here instead.
     */
    private void requireHttpListening(CamelContext context) {
        VertxPlatformHttpServer http = context.hasService(VertxPlatformHttpServer.class);
        if (http != null && (http.getServer() == null || http.getServer().actualPort() <= 0)) {
            throw new IllegalStateException("HTTP (adapter.http.port): could not listen on " + settings.get("adapter.http.host") + ":"
                    + settings.get("adapter.http.port") + "; another process took it while the adapter started");
        }
    }

    /**
     * The embedded broker as the settings describe it (journal, users, redelivery, address limits),
     * listening on the given host: the adapter's, and the one operator commands open on a stopped
     * adapter's journal.
     */
    static EmbeddedBroker embeddedBroker(Settings settings, Credentials credentials, PartnerDirectory partners, String host,
                                         String adapterPassword) {
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
                .maxPartnerMessageBytes(2 * Long.parseLong(settings.get("adapter.limits.max-message-bytes")));
        // each partner's queue holds so much, then its sends wait or fail: one partner cannot fill the broker for all
        EmbeddedBroker.AddressLimit partnerLimit = partnerLimit(settings);
        for (Partner p : partners.all()) {
            broker.limit("partner." + p.id() + ".in", partnerLimit);
        }
        return broker;
    }

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

    private void addPartnerRoutes(CamelContext context) {
        for (Partner p : partners.all()) {
            addPartnerRoute(context, p);
        }
    }

    private static void addPartnerRoute(CamelContext context, Partner p) {
        TemplatedRouteBuilder.builder(context, "ingress-jms")
                .routeId("ingress-jms-" + p.id())
                .parameter("partner", p.id())
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

    /** Where partners reach the broker over TCP, or the external broker's URL. */
    public String brokerUrl() {
        return broker != null ? broker.tcpUrl() : settings.get("adapter.broker.url");
    }

    /** What listens where, for the start-up banner. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        String httpHost = settings.get("adapter.http.host");
        lines.add("HTTP     POST http://" + ("0.0.0.0".equals(httpHost) ? "localhost" : httpHost) + ":"
                + settings.get("adapter.http.port") + "/api/v1/messages  (header X-Api-Key: the partner's API key)");
        lines.add("broker   " + (broker != null ? "embedded Artemis, journal " + broker.journalDir() + ", partners at " + broker.tcpUrl()
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

    @Override
    public synchronized void close() {
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
        if (stopped.getCount() > 0) {
            afterStop.forEach(Runnable::run);
        }
        stopped.countDown();
    }
}
