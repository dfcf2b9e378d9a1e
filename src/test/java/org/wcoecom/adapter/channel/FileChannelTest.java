package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Files: a message dropped in data/inbox/&lt;partner&gt;/ is answered in data/outbox/&lt;partner&gt;/
 * and moved to .done/ (accepted) or .error/ (rejected); accepted orders are forwarded.
 */
@ExtendWith(RunningAdapter.class)
class FileChannelTest {

    private final Translations engine = new Translations();

    @Test
    void an_accepted_file_is_answered_moved_to_done_and_forwarded() throws Exception {
        String orderNo = Messages.orderNo("FILE-A");
        String name = drop(orderNo, Messages.single(orderNo));
        Path receipt = awaitFile(outbox(), name.replace(".xml", ".ceb312.xml"));
        var ceb312 = engine.valid(Files.readAllBytes(receipt));
        assertEquals(List.of(orderNo), Xml.values(ceb312, "//ceb:orderNo"));
        assertEquals("2", Xml.value(ceb312, "//ceb:returnStatus"));
        awaitFile(inbox().resolve(".done"), name);
        assertFalse(Files.exists(inbox().resolve(name)));
        RunningAdapter.forwarded("demo-platform:" + orderNo);
    }

    @Test
    void a_rejected_file_is_answered_and_moved_to_error() throws Exception {
        String orderNo = Messages.orderNo("FILE-R");
        String name = drop(orderNo, Messages.single(orderNo).replace("<ceb:orderType>I</ceb:orderType>", ""));
        Path receipt = awaitFile(outbox(), name.replace(".xml", ".ceb312.xml"));
        var ceb312 = engine.valid(Files.readAllBytes(receipt));
        assertEquals("-301008", Xml.value(ceb312, "//ceb:returnStatus"));
        assertTrue(Xml.value(ceb312, "//ceb:returnInfo").contains("orderType"));
        Path kept = awaitFile(inbox().resolve(".error"), name);
        assertTrue(Files.readString(kept).contains(orderNo), "the rejected input is kept as it was");
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(2)).isEmpty());
    }

    private static Path inbox() {
        return RunningAdapter.dataDir().resolve("inbox").resolve(RunningAdapter.PARTNER);
    }

    private static Path outbox() {
        return RunningAdapter.dataDir().resolve("outbox").resolve(RunningAdapter.PARTNER);
    }

    /** Writes under a hidden name and renames, as partners should: the inbox never sees half a file. */
    private static String drop(String orderNo, String content) throws IOException {
        Files.createDirectories(inbox());
        String name = orderNo + ".xml";
        Path hidden = inbox().resolve("." + name);
        Files.writeString(hidden, content);
        Files.move(hidden, inbox().resolve(name));
        return name;
    }

    /** The file in the folder whose name ends with the given name (the adapter prefixes a time stamp). */
    private static Path awaitFile(Path folder, String suffix) throws Exception {
        long deadline = System.currentTimeMillis() + RunningAdapter.WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    Optional<Path> found = files.filter(p -> p.getFileName().toString().endsWith("-" + suffix)).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no *-" + suffix + " in " + folder);
    }
}
