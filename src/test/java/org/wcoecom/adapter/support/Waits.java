package org.wcoecom.adapter.support;

import java.util.function.BooleanSupplier;

/** A bounded wait for something to become true (no timing is asserted, only the outcome). */
public final class Waits {

    private Waits() {
    }

    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TestAdapter.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + TestAdapter.WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
