package org.wcoecom.adapter.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The message shapes of the throughput benchmark: how many orders a CEB311 message carries.
 * An order is about 2.4 KB, so SMALL is about 3 KB, TYPICAL about 17 KB and LARGE about 250 KB.
 * SMALL goes unsigned: the signature, with its certificate, is about 2 KB and would otherwise be
 * most of the message (CEB311 makes it optional); the other shapes carry one.
 */
public enum Mix {
    SMALL(1, false),
    TYPICAL(6, true),
    LARGE(100, true);

    private final int orders;
    private final boolean signed;

    Mix(int orders, boolean signed) {
        this.orders = orders;
        this.signed = signed;
    }

    public int orders() {
        return orders;
    }

    public boolean signed() {
        return signed;
    }

    /** The name as written on the command line and in file names: small, typical, large. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mix parse(String name) {
        for (Mix m : values()) {
            if (m.label().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mix '" + name + "': choose one of "
                + Arrays.stream(values()).map(Mix::label).collect(Collectors.joining(", ")));
    }
}
