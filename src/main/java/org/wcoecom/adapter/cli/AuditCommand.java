package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.operations.OperatorRequests;
import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.runtime.Settings;
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
        PrintWriter err = spec.commandLine().getErr();
        List<AuditTrail.Event> events;
        try (Database db = Databases.open(settings)) {
            events = new AuditTrail(db.dataSource(), settings.integer("adapter.retention.rejected-bytes")).history(recordId);
        } catch (RuntimeException e) {
            if (!OperatorChannel.heldByTheAdapter(e)) {
                throw e;
            }
            OperatorChannel.Reply reply = OperatorChannel.request(settings, "audit", recordId);
            (reply.exit() == 0 ? out : err).println(reply.output().strip());
            out.flush();
            err.flush();
            return reply.exit();
        }
        if (events.isEmpty()) {
            err.println(OperatorRequests.describe(recordId, events));
            err.flush();
            return 1;
        }
        out.print(OperatorRequests.describe(recordId, events));
        out.flush();
        return 0;
    }

}
