package org.wcoecom.adapter.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Catalogue;

/**
 * Operator commands that need the running adapter's database, answered over the broker: the
 * embedded database has no network server, so while the adapter runs only it opens its files. The
 * {@code adapter.operator} queue is the operator's alone (broker roles); each request names its
 * command in a header and is answered on its reply queue with the command's output and exit status.
 */
public final class OperatorRequests {

    /** audit, catalogue-import or audit-replayed */
    public static final String COMMAND = "AdapterOperatorCommand";
    /** the command's exit status, 0 when it did what was asked */
    public static final String EXIT = "AdapterOperatorExit";
    public static final String QUEUE = "adapter.operator";

    private final AuditTrail audit;
    private final Catalogue catalogue;

    public OperatorRequests(AuditTrail audit, Catalogue catalogue) {
        this.audit = audit;
        this.catalogue = catalogue;
    }

    /** Camel step: the request in the body becomes the command's output. */
    public void handle(Exchange exchange) throws IOException {
        Message m = exchange.getMessage();
        String command = m.getHeader(COMMAND, "", String.class);
        String body = m.getBody(String.class);
        String out;
        int exit = 0;
        switch (command) {
            case "audit" -> {
                List<AuditTrail.Event> events = audit.history(body.trim());
                out = describe(body.trim(), events);
                exit = events.isEmpty() ? 1 : 0;
            }
            case "catalogue-import" -> {
                Path csv = Files.createTempFile("catalogue-", ".csv");
                try {
                    Files.writeString(csv, body, StandardCharsets.UTF_8);
                    int n = catalogue.importCsv(csv);
                    out = "imported " + n + " items; the catalogue holds " + catalogue.size();
                } catch (IllegalArgumentException e) {
                    out = e.getMessage();
                    exit = 1;
                } finally {
                    Files.deleteIfExists(csv);
                }
            }
            case "audit-replayed" -> {
                audit.record(replayed(body));
                out = "recorded";
            }
            default -> {
                out = "unknown operator command '" + command + "'";
                exit = 2;
            }
        }
        m.removeHeaders("*");
        m.setHeader(EXIT, exit);
        m.setBody(out);
    }

    /** A record's history as the {@code audit} command prints it. */
    public static String describe(String recordId, List<AuditTrail.Event> events) {
        if (events.isEmpty()) {
            return "no record " + recordId + " in the audit trail";
        }
        StringBuilder b = new StringBuilder("record " + recordId + ": " + events.size() + " event(s)\n");
        for (AuditTrail.Event e : events) {
            b.append(String.format("%s  %-13s %-9s partner=%s channel=%s format=%s message=%s sha256=%s%n    %s%n", e.at(), e.event(),
                    dash(e.outcome()), dash(e.partner()), dash(e.channel()), dash(e.format()), dash(e.messageId()),
                    dash(e.sha256()), dash(e.detail())));
        }
        return b.toString();
    }

    /** Replays the {@code dlq replay} command made, one per line: id, partner, record id, from queue, to queue (tab-separated). */
    public static String replayed(List<String[]> letters) {
        StringBuilder b = new StringBuilder();
        for (String[] l : letters) {
            b.append(String.join("\t", l)).append('\n');
        }
        return b.toString();
    }

    static List<AuditTrail.Event> replayed(String lines) {
        List<AuditTrail.Event> events = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            events.add(replayedEvent(f[0], f[1], f[2], f[3], f[4]));
        }
        return events;
    }

    /** The audit event of one replayed dead letter. */
    public static AuditTrail.Event replayedEvent(String id, String partner, String recordId, String from, String to) {
        return new AuditTrail.Event(Instant.now(), AuditTrail.REPLAYED, blank(partner), "jms", null, id, blank(recordId), null,
                "REPLAYED", "from " + from + " to " + to, null);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
