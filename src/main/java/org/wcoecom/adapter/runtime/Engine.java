package org.wcoecom.adapter.runtime;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.declaration.DeclarantSettings;
import org.wcoecom.adapter.declaration.DeclarationAssembler;
import org.wcoecom.adapter.declaration.MonthlySummary;
import org.wcoecom.adapter.declaration.SummaryAssembler;
import org.wcoecom.adapter.declaration.ExportDeclarationAssembler;
import org.wcoecom.adapter.declaration.ExportSettings;
import org.wcoecom.adapter.declaration.TaxEstimator;
import org.wcoecom.adapter.declaration.TaxRates;
import org.wcoecom.adapter.format.BatchSplitter;
import org.wcoecom.adapter.format.CodeLists;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.operations.FlowMetrics;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.pipeline.BatchFiles;
import org.wcoecom.adapter.pipeline.BatchOutcome;
import org.wcoecom.adapter.pipeline.CrossCheckSteps;
import org.wcoecom.adapter.pipeline.ConsignmentLists;
import org.wcoecom.adapter.pipeline.CustomsReceiptSteps;
import org.wcoecom.adapter.pipeline.DeadLetters;
import org.wcoecom.adapter.pipeline.Declarations;
import org.wcoecom.adapter.pipeline.GoodsMovements;
import org.wcoecom.adapter.pipeline.SummaryResults;
import org.wcoecom.adapter.pipeline.TaxBills;
import org.wcoecom.adapter.pipeline.SummarySchedule;
import org.wcoecom.adapter.pipeline.InventoryRequests;
import org.wcoecom.adapter.pipeline.EgressService;
import org.wcoecom.adapter.pipeline.FileChannel;
import org.wcoecom.adapter.pipeline.Intake;
import org.wcoecom.adapter.pipeline.JmsInbound;
import org.wcoecom.adapter.pipeline.LaterReceipts;
import org.wcoecom.adapter.pipeline.PartnerQueues;
import org.wcoecom.adapter.pipeline.Publishing;
import org.wcoecom.adapter.pipeline.RegularFilesOnly;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.rules.CrossCheckRules;
import org.wcoecom.adapter.rules.ExportCrossCheckRules;
import org.wcoecom.adapter.rules.Screening;
import org.wcoecom.adapter.security.ClientCertificates;
import org.wcoecom.adapter.security.HttpAuthenticator;
import org.wcoecom.adapter.security.HttpGate;
import org.wcoecom.adapter.security.PartnerKeys;
import org.wcoecom.adapter.security.ServerTls;
import org.wcoecom.adapter.security.SignatureCheck;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.soap.SoapExchange;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.BuyerTotals;
import org.wcoecom.adapter.store.Catalogue;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.store.Summaries;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.Returns;
import org.wcoecom.adapter.store.CrossCheckStore;
import org.wcoecom.adapter.store.Database;
import org.wcoecom.adapter.store.Leases;
import org.wcoecom.adapter.store.Ledger;
import org.wcoecom.adapter.store.ReceivedRecords;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.store.Retention;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * The adapter's engine objects, built from the settings and bound under the names the routes use
 * (httpAuth, ingress, deadLetters, receipts, egress, files, batchFiles, batchOutcome, laterReceipts, crossCheck,
 * customsReceipts).
 */
final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Database database;
    private final SoapExchange soap;
    private final HttpGate httpGate;
    private final AuditTrail audit;

    Engine(Settings settings, FormatRegistry formats, PartnerDirectory partners, Routing routing, PartnerKeys keys,
           ClientCertificates clientCertificates, Optional<ServerTls> tls, String adapterBrokerUser, Main main,
           java.util.function.BooleanSupplier serving, MeterRegistry registry) {
        Path home = settings.home();
        Path data = settings.dataDir();
        // loaded first, so that a missing or unfit signing key stops the start instead of the first declaration
        XmlSigner signer = SigningKeys.signer(settings, data);
        SignatureCheck signatures = SignatureCheck.load(settings, partners, formats);
        database = Databases.open(settings);
        if (database.dataSource() instanceof HikariDataSource pool) {
            // the pool's own Micrometer binding: hikaricp_connections_* {pool="adapter-db"}
            pool.setMetricRegistry(registry);
        }
        FlowMetrics metrics = new FlowMetrics(registry);
        int maxErrors = settings.integer("adapter.limits.max-errors");
        MessageReader reader = new MessageReader(formats, maxErrors);
        Translator translator = new Translator(formats, maxErrors, () -> signer);
        RecordSenders senders = new RecordSenders(database.dataSource());
        Inventories inventories = new Inventories(database.dataSource());
        Returns returns = new Returns(database.dataSource());
        ExportParcels exportParcels = new ExportParcels(database.dataSource());
        ReceivedRecords received = new ReceivedRecords(database.dataSource());
        audit = new AuditTrail(database.dataSource(), settings.integer("adapter.retention.rejected-bytes"));
        ReceiptService receipts = new ReceiptService(formats, translator, partners,
                settings.get("adapter.receipt.default-format"), settings.receiptZone());

        Map<String, String> transfer = new LinkedHashMap<>();
        settings.optional("adapter.egress.ceb.cop-code").ifPresent(v -> transfer.put("transfer-cop-code", v));
        settings.optional("adapter.egress.ceb.cop-name").ifPresent(v -> transfer.put("transfer-cop-name", v));
        settings.optional("adapter.egress.ceb.dxp-id").ifPresent(v -> transfer.put("transfer-dxp-id", v));

        Catalogue catalogue = new Catalogue(database.dataSource());
        seedCatalogue(settings, catalogue);
        TaxEstimator tax = new TaxEstimator(TaxRates.load(home.resolve(settings.get("adapter.tax.rates-file"))),
                new BigDecimal(settings.get("adapter.tax.cbec-factor")), new BigDecimal(settings.get("adapter.tax.single-limit")),
                new BigDecimal(settings.get("adapter.tax.annual-limit")));
        Screening screening = Screening.load(file(home, settings, "adapter.screening.prohibited-file"),
                file(home, settings, "adapter.screening.positive-list-file"));
        // exports are screened against their own prohibitions, and have no positive list
        Screening exportScreening = Screening.exports(file(home, settings, "adapter.screening.export-prohibited-file"));
        DeclarationAssembler assembler = new DeclarationAssembler(DeclarantSettings.from(settings), catalogue,
                CodeLists.load(home), settings.receiptZone());

        BuyerTotals totals = new BuyerTotals(database.dataSource(), database.dialect());
        Declarations declarations = new Declarations(assembler, new ExportDeclarationAssembler(assembler, DeclarantSettings.from(settings),
                ExportSettings.from(settings), settings.receiptZone()), screening, exportScreening, tax, totals, senders, translator, formats, settings.receiptZone());
        long maxMessageBytes = Long.parseLong(settings.get("adapter.limits.max-message-bytes"));
        HttpAuthenticator httpAuth = new HttpAuthenticator(keys, clientCertificates);
        main.bind("httpAuth", httpAuth);
        // HTTP bodies up to twice a message by default: one somewhat over the limit still gets its
        // receipt from the guard, nothing much larger is ever read
        long maxBodyBytes = settings.optional("adapter.http.max-body-bytes").map(Long::parseLong).orElse(2 * maxMessageBytes);
        httpGate = new HttpGate(httpAuth, receipts, maxBodyBytes, Long.parseLong(settings.get("adapter.http.request-timeout")),
                serving);
        Ledger ledger = new Ledger(database.dataSource(), settings.integer("adapter.retention.rejected-bytes"), totals);
        main.bind("intake", new Intake(reader, translator, partners, signatures, declarations, ledger, routing, formats.kinds(), maxMessageBytes,
                settings.receiptZone(), metrics));
        main.bind("publishing", new Publishing());
        main.bind("inventoryRequests", new InventoryRequests(inventories, returns));
        main.bind("goodsMovements", new GoodsMovements(exportParcels));
        main.bind("consignmentLists", new ConsignmentLists(inventories, senders, formats.all().stream()
                .filter(f -> java.util.Set.of("waybill", "export-waybill").contains(f.definition().kind())).map(f -> f.id())
                .collect(java.util.stream.Collectors.toSet())));
        main.bind("partnerQueues", new PartnerQueues());
        main.bind("jmsInbound", new JmsInbound(maxMessageBytes, adapterBrokerUser, BrokerUsers.OPERATOR, metrics));
        main.bind("deadLetters", new DeadLetters(settings.integer("adapter.reliability.max-attempts"), received, audit, metrics));
        main.bind("receipts", receipts);
        main.bind("egress", new EgressService(formats, translator, transfer, ledger,
                Long.parseLong(settings.get("adapter.egress.ceb.max-message-bytes")), metrics));
        main.bind("files", new FileChannel(partners));
        main.bind("regularFilesOnly", new RegularFilesOnly());
        main.bind("batchFiles", new BatchFiles(new BatchSplitter(formats, maxMessageBytes, settings.integer("adapter.file.batch-records")),
                maxMessageBytes, Long.parseLong(settings.get("adapter.file.max-batch-bytes"))));
        main.bind("batchOutcome", new BatchOutcome());
        main.bind("laterReceipts", new LaterReceipts());
        CrossCheckStore crossCheckStore = new CrossCheckStore(database.dataSource(), database.dialect());
        main.bind("retention", new Retention(audit, received, senders, crossCheckStore, inventories,
                java.time.Duration.ofDays(settings.integer("adapter.retention.audit-days")),
                java.time.Duration.ofDays(settings.integer("adapter.retention.records-days")),
                new Leases(database.dataSource()), java.time.Duration.ofMillis(Long.parseLong(settings.get("adapter.retention.interval")))));
        main.bind("crossCheck", new CrossCheckSteps(crossCheckStore,
                new CrossCheckRules(new BigDecimal(settings.get("adapter.crosscheck.tolerance"))),
                new ExportCrossCheckRules(new BigDecimal(settings.get("adapter.crosscheck.tolerance"))), declarations, receipts,
                java.time.Duration.ofMillis(Long.parseLong(settings.get("adapter.crosscheck.timeout")))));
        Summaries summaries = new Summaries(database.dataSource());
        MonthlySummary monthlySummary = new MonthlySummary(exportParcels, summaries,
                new SummaryAssembler(DeclarantSettings.from(settings), settings.receiptZone()),
                java.time.ZoneId.of(settings.get("adapter.summary.zone")));
        main.bind("summarySchedule", new SummarySchedule(monthlySummary, summaries, routing.of("summary-declaration").orElseThrow(
                () -> new IllegalStateException("mappings/routing.yaml has no address for summary-declaration")), translator,
                Boolean.parseBoolean(settings.get("adapter.summary.enabled")), settings.integer("adapter.summary.day-of-month")));
        main.bind("customsReceipts", new CustomsReceiptSteps(reader, translator, senders, receipts, inventories, exportParcels,
                new SummaryResults(translator, partners), new TaxBills(translator, partners, senders, inventories), returns));
        // customs-to-customs exchange over SOAP (routes/soap.yaml)
        soap = new SoapExchange(settings, formats, reader, translator, receipts, database.dataSource(), tls);
        soap.bind(main);
    }

    AuditTrail audit() {
        return audit;
    }

    javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    SoapExchange soap() {
        return soap;
    }

    /** The HTTP ingress's handlers ahead of its route (authentication, body limit, request timeout). */
    HttpGate httpGate() {
        return httpGate;
    }

    private static void seedCatalogue(Settings settings, Catalogue catalogue) {
        settings.optional("adapter.catalogue.seed-file").ifPresent(seed -> {
            if (catalogue.size() == 0) {
                try {
                    int n = catalogue.importCsv(settings.home().resolve(seed));
                    LOG.info("catalogue was empty: loaded {} items from {}", n, seed);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load the catalogue seed " + seed + ": " + e.getMessage(), e);
                }
            }
        });
    }

    private static Path file(Path home, Settings settings, String key) {
        return settings.optional(key).map(home::resolve).orElse(null);
    }

    @Override
    public void close() {
        database.close();
    }
}
