package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.broker.DeadLetterQueues;
import org.wcoecom.adapter.operations.OperationsView;
import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.runtime.OperatorBroker;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Database;
import org.wcoecom.adapter.store.OperationsQueries;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: what the operations page shows, as text (the same {@link OperationsView}). */
@Command(name = "status", description = {"What flows, what is refused and what waits: the operations page as text.",
        "Works against the running adapter's broker and database, or a stopped adapter's journal."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    AdapterTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = target.settings();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.receiptZone());
        try (OperatorBroker broker = OperatorBroker.open(settings); Database db = Databases.open(settings)) {
            OperationsView view = new OperationsView(new OperationsQueries(db.dataSource()),
                    new AuditTrail(db.dataSource(), settings.integer("adapter.retention.rejected-bytes")), broker.factory(), broker.user(),
                    broker.password(), settings.get("adapter.customs.inbound"));
            OperationsView.Snapshot s = view.snapshot();
            out.println("wco-ecom-adapter status at " + time.format(s.at()) + " (" + broker.description() + ")");

            out.println();
            out.println("Flow per partner, last " + OperationsView.WINDOW.toMinutes() + " minutes (records: accepted / duplicate / rejected):");
            Map<String, Map<String, Long>> totals = new TreeMap<>();
            s.flow().forEach(p -> totals.computeIfAbsent(p.partner(), k -> new TreeMap<>()).merge(p.outcome(), p.records(), Long::sum));
            if (totals.isEmpty()) {
                out.println("  nothing received");
            }
            totals.forEach((partner, t) -> out.printf("  %-24s %6d / %6d / %6d%n", safe(partner), t.getOrDefault("ACCEPTED", 0L),
                    t.getOrDefault("DUPLICATE", 0L), t.getOrDefault("REJECTED", 0L)));

            out.println();
            out.println("Rejections by code, last " + OperationsView.WINDOW.toMinutes() + " minutes:");
            if (s.rejections().isEmpty()) {
                out.println("  none");
            }
            for (OperationsQueries.CodeCount c : s.rejections()) {
                out.printf("  %-28s %d%n", safe(c.code()), c.count());
                for (OperationsQueries.Rejected r : c.latest()) {
                    out.printf("    %s %s/%s/%s record=%s%n      %s%n", time.format(r.at()), safe(r.partner()), safe(r.channel()),
                            safe(r.format()), safe(r.recordId()), safe(r.detail()));
                }
            }

            out.println();
            out.println("Dead letters: " + s.deadLetters().size() + " (`dlq show ID`, `dlq replay ID`)");
            for (DeadLetterQueues.Letter l : s.deadLetters()) {
                out.printf("  %s  %s stage=%s partner=%s record=%s failed=%s%n    %s%n", l.id(), l.queue(), safe(l.stage()), safe(l.partner()),
                        safe(l.recordId()), safe(l.failedAt()), safe(l.reason()));
            }

            out.println();
            out.println("Three-document groups waiting: " + s.waiting().size());
            for (OperationsQueries.WaitingGroup g : s.waiting()) {
                out.printf("  order %s (platform %s) has %s, waits for %s since %s, times out %s%n", safe(g.orderNumber()), safe(g.platform()),
                        g.present().isEmpty() ? "-" : String.join(", ", g.present()), String.join(", ", g.missing()),
                        g.since() == null ? "-" : time.format(g.since()), time.format(g.deadline()));
            }

            out.println();
            out.println("Declarations held: " + s.held().size());
            for (OperationsQueries.HeldDeclaration d : s.held()) {
                out.printf("  order %s (platform %s) since %s: %s%n", safe(d.orderNumber()), safe(d.platform()), time.format(d.since()),
                        safe(d.reason()));
            }

            out.println();
            out.println("Unmatched customs receipts: " + s.unmatchedReceipts() + " (on " + view.unmatchedQueue() + ")");

            out.println();
            out.println("Queues:");
            s.queues().forEach((q, n) -> out.printf("  %-40s %d%n", q, n));
            out.flush();
        }
        return 0;
    }

    /** Partner text on a terminal: no control characters (escape sequences), line breaks shown as \n. */
    static String safe(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
