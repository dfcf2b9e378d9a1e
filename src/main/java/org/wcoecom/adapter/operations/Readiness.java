package org.wcoecom.adapter.operations;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the adapter is in its life: starting (the HTTP port may be open, the routes not yet),
 * running, or stopping. Partners are served only while running; the readiness endpoint also asks
 * Camel's health checks.
 */
public final class Readiness {

    public enum State { STARTING, RUNNING, STOPPING }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

    /** Every route has started. */
    public void running() {
        state.compareAndSet(State.STARTING, State.RUNNING);
    }

    /** The adapter begins to stop: from now on it is not ready again. */
    public void stopping() {
        state.set(State.STOPPING);
    }

    public State state() {
        return state.get();
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }
}
