package org.wcoecom.adapter.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/** A file sender's outbox, read the way the sender would: only finished receipts, never the adapter's temp files. */
public final class Outbox {

    private Outbox() {
    }

    /**
     * The text of the first finished receipt whose name contains {@code marker}, if one comes in time.
     * The adapter writes receipts as hidden ".part-" files and renames them when done, so hidden names are skipped:
     * a half-written file may vanish between listing and reading.
     */
    public static Optional<String> await(Path outbox, String marker, Duration wait) throws Exception {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    Optional<Path> found = files.filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".") && name.contains(marker);
                    }).findFirst();
                    if (found.isPresent()) {
                        return Optional.of(Files.readString(found.get()));
                    }
                }
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }
}
