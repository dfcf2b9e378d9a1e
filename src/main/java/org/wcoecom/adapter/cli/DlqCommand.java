package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.broker.DeadLetterQueues;
import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.runtime.OperatorBroker;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Database;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlq list|show ID|replay ID|--all}: the dead letters of a running or stopped adapter. */
@Command(name = "dlq", description = {"Dead letters: messages whose processing kept failing, on DLQ.<stage> queues.",
        "Works against the running adapter's broker, or opens a stopped adapter's journal."},
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List the dead letters: id, stage, partner, when, why.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        AdapterTarget target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (OperatorBroker broker = OperatorBroker.open(target.settings());
                 DeadLetterQueues dlq = new DeadLetterQueues(broker.factory(), broker.user(), broker.password())) {
                List<DeadLetterQueues.Letter> letters = dlq.list();
                out.println(letters.size() + " dead letter(s) on " + broker.description());
                for (DeadLetterQueues.Letter l : letters) {
                    out.printf("%s  %s  stage=%s partner=%s record=%s failed=%s source=%s%n    %s%n", l.id(), l.queue(), l.stage(),
                            orDash(l.partner()), orDash(l.recordId()), orDash(l.failedAt()), orDash(l.source()), orDash(l.reason()));
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one dead letter: what is known about it, then its original bytes.")
    static final class Show implements Callable<Integer> {
        @Mixin
        AdapterTarget target;

        @Parameters(paramLabel = "ID", description = "The dead letter's id, as `dlq list` prints it.")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (OperatorBroker broker = OperatorBroker.open(target.settings());
                 DeadLetterQueues dlq = new DeadLetterQueues(broker.factory(), broker.user(), broker.password())) {
                Optional<DeadLetterQueues.Shown> shown = dlq.show(id);
                if (shown.isEmpty()) {
                    spec.commandLine().getErr().println("no dead letter " + id + " on " + broker.description());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                DeadLetterQueues.Letter l = shown.get().letter();
                out.println("id:        " + l.id());
                out.println("queue:     " + l.queue());
                out.println("stage:     " + l.stage());
                out.println("partner:   " + orDash(l.partner()));
                out.println("record:    " + orDash(l.recordId()));
                out.println("failed at: " + orDash(l.failedAt()));
                out.println("reason:    " + orDash(l.reason()));
                out.println("replay to: " + orDash(l.source()));
                out.println("bytes:     " + shown.get().body().length);
                out.println();
                out.println(new String(shown.get().body(), StandardCharsets.UTF_8));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "replay", description = {"Send dead letters back to the queue they failed on, once the cause is fixed.",
            "Each is taken off its dead-letter queue and sent in one transaction: it is delivered once."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        AdapterTarget target;

        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(paramLabel = "ID", description = "The dead letter's id.")
            String id;

            @Option(names = "--all", description = "Every dead letter (of --queue, or of every DLQ.* queue).")
            boolean all;
        }

        @Option(names = "--queue", paramLabel = "DLQ", description = "With --all: only this dead-letter queue, e.g. DLQ.egress.")
        String queue;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Settings settings = target.settings();
            try (OperatorBroker broker = OperatorBroker.open(settings);
                 DeadLetterQueues dlq = new DeadLetterQueues(broker.factory(), broker.user(), broker.password())) {
                List<DeadLetterQueues.Letter> replayed = which.all ? dlq.replayAll(Optional.ofNullable(queue))
                        : dlq.replay(which.id).map(List::of).orElse(List.of());
                if (!which.all && replayed.isEmpty()) {
                    spec.commandLine().getErr().println("no dead letter " + which.id + " on " + broker.description());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                for (DeadLetterQueues.Letter l : replayed) {
                    out.println("replayed " + l.id() + " from " + l.queue() + " to " + l.source());
                }
                out.println(replayed.size() + " dead letter(s) replayed");
                out.flush();
                audit(settings, replayed);
            }
            return 0;
        }

        private void audit(Settings settings, List<DeadLetterQueues.Letter> replayed) {
            try (Database db = Databases.open(settings)) {
                new AuditTrail(db.dataSource(), settings.integer("adapter.retention.rejected-bytes")).record(replayed.stream()
                        .map(l -> new AuditTrail.Event(Instant.now(), AuditTrail.REPLAYED, l.partner(), "jms", null, l.id(), l.recordId(),
                                null, "REPLAYED", "from " + l.queue() + " to " + l.source(), null)).toList());
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("warning: the replay is not in the audit trail: " + e.getMessage());
                spec.commandLine().getErr().flush();
            }
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
