package org.wcoecom.adapter.broker;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work to do once the JMS transaction of the message being processed on this thread has been
 * committed, and only then: forgetting what a step stored so that a redelivery could send it again
 * (the database and the broker commit separately). The listener container runs it after its
 * commit and drops it on a rollback; a process that dies in between leaves it undone, which is
 * what it is for.
 */
public final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
    private static final ThreadLocal<List<Runnable>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private AfterCommit() {
    }

    /** Runs the task after the current thread's JMS commit (now, if the thread has no transacted consumer). */
    public static void register(Runnable task) {
        if (RollbackOnFailedCommitContainer.inListener()) {
            PENDING.get().add(task);
        } else {
            task.run();
        }
    }

    static void committed() {
        List<Runnable> tasks = new ArrayList<>(PENDING.get());
        PENDING.get().clear();
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the work it would have saved is done again by a sweep or retention: never fail a committed message
                LOG.warn("after the commit: {}", e.getMessage());
            }
        }
    }

    static void rolledBack() {
        PENDING.get().clear();
    }
}
