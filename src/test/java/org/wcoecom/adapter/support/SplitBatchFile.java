package org.wcoecom.adapter.support;

import java.nio.file.Path;

import org.wcoecom.adapter.format.BatchChunks;
import org.wcoecom.adapter.format.BatchPlan;
import org.wcoecom.adapter.format.BatchSplitter;
import org.wcoecom.adapter.format.FormatRegistry;

/**
 * Cuts a batch file as the file channel does and prints what came out, in a JVM of its own: tests
 * run it with a heap far smaller than the file to show the cutting never holds the file.
 * Arguments: file, largest message in bytes, elements per chunk. Prints
 * {@code format=<id> elements=<n> chunks=<n> largest=<bytes> heap=<MB used at most>}.
 */
public final class SplitBatchFile {

    private SplitBatchFile() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        BatchSplitter splitter = new BatchSplitter(FormatRegistry.load(Project.root()), Long.parseLong(args[1]), Integer.parseInt(args[2]));
        BatchPlan plan = splitter.plan(file);
        long chunks = 0;
        long largest = 0;
        long heap = 0;
        try (BatchChunks cut = splitter.chunks(file, plan)) {
            while (cut.hasNext()) {
                largest = Math.max(largest, cut.next().length);
                chunks++;
                Runtime r = Runtime.getRuntime();
                heap = Math.max(heap, r.totalMemory() - r.freeMemory());
            }
        }
        System.out.printf("format=%s elements=%d chunks=%d largest=%d heap=%d%n", plan.format().id(), plan.count(), chunks, largest, heap >> 20);
    }
}
