package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Database;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit RECORD-ID}: a record's history from the audit trail, also while the adapter runs. */
@Command(name = "audit", description = {"Print a record's history: received (accepted, duplicate, rejected), forwarded,",
        "relayed, dead-lettered, replayed; with time, partner, channel, format, message id and content hash."})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    AdapterTarget target;

    @Parameters(paramLabel = "RECORD-ID", description = "The record id, <partner>:<key> (e.g. demo-platform:YX20261120143005001).")
    String recordId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = target.settings();
        PrintWriter out = spec.commandLine().getOut();
        List<AuditTrail.Event> events;
        // the embedded database is a file both the running adapter and this command may open
        try (Database db = Databases.open(settings)) {
            events = new AuditTrail(db.dataSource(), settings.integer("adapter.retention.rejected-bytes")).history(recordId);
        }
        if (events.isEmpty()) {
            spec.commandLine().getErr().println("no record " + recordId + " in the audit trail");
            spec.commandLine().getErr().flush();
            return 1;
        }
        out.println("record " + recordId + ": " + events.size() + " event(s)");
        for (AuditTrail.Event e : events) {
            out.printf("%s  %-13s %-9s partner=%s channel=%s format=%s message=%s sha256=%s%n    %s%n", e.at(), e.event(),
                    dash(e.outcome()), dash(e.partner()), dash(e.channel()), dash(e.format()), dash(e.messageId()),
                    dash(e.sha256()), dash(e.detail()));
        }
        out.flush();
        return 0;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
