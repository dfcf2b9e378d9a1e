package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Outbox;
import org.wcoecom.adapter.support.RunningAdapter;

/**
 * The file channel takes regular files only: a symbolic link in an inbox (to a file the adapter can
 * read but the partner cannot) and a named pipe are left alone, never read, answered or moved.
 */
@ExtendWith(RunningAdapter.class)
class InboxLinksTest {

    @Test
    void links_and_pipes_are_left_alone(@TempDir Path elsewhere) throws Exception {
        Path inbox = RunningAdapter.dataDir().resolve("inbox").resolve(RunningAdapter.PARTNER);
        Files.createDirectories(inbox);
        String orderNo = Messages.orderNo("LINK");
        Path target = elsewhere.resolve("someone-elses.xml");
        Files.writeString(target, Messages.single(orderNo));
        Files.createSymbolicLink(inbox.resolve("linked-" + orderNo + ".xml"), target);
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe-" + orderNo + ".xml").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        // a regular file dropped after them is taken: the poller went past the others
        String regular = Messages.orderNo("LINK-OK");
        Path hidden = inbox.resolve(".regular-" + regular + ".xml");
        Files.writeString(hidden, Messages.single(regular));
        Files.move(hidden, inbox.resolve("regular-" + regular + ".xml"));
        Path outbox = RunningAdapter.dataDir().resolve("outbox").resolve(RunningAdapter.PARTNER);
        assertTrue(Outbox.await(outbox, "regular-" + regular, RunningAdapter.WAIT).isPresent(), "the regular file was not taken");

        assertTrue(Outbox.await(outbox, "linked-" + orderNo, Duration.ofSeconds(2)).isEmpty(), "the link was followed and read");
        assertTrue(Outbox.await(outbox, "pipe-" + orderNo, Duration.ofMillis(100)).isEmpty(), "the pipe was read");
        assertTrue(Files.isSymbolicLink(inbox.resolve("linked-" + orderNo + ".xml")), "the link was moved");
        assertTrue(Files.exists(inbox.resolve("pipe-" + orderNo + ".xml")), "the pipe was moved");
        assertEquals(Messages.single(orderNo), Files.readString(target));
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(1)).isEmpty());
    }
}
