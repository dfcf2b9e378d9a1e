package org.wcoecom.adapter.format;

import java.util.List;

/**
 * What the first pass over a batch file found, for the second pass to cut it by.
 *
 * @param format the file's format, from its root element
 * @param path   where the elements the file is cut along are (the records, or for camt.054 the
 *               entries that hold them)
 * @param count  how many of them the file holds
 * @param afters per level of the path (0: the root) and per element of that level on the path, in
 *               document order: the serialised children that come after the path's elements in it
 *               (CEB: BaseTransfer, BaseSubscribe, ExtendMessage after the orders; camt.054: the
 *               supplementary data after the notifications), which every chunk of its records ends
 *               with; null where there are none. What comes before is read again by the second pass.
 */
public record BatchPlan(Format format, RecordPath path, int count, List<List<byte[]>> afters) {

    /** The children after the path in the n-th element (from 0) of a level, or nothing. */
    byte[] after(int level, int ordinal) {
        byte[] after = afters.get(level).get(ordinal);
        return after == null ? new byte[0] : after;
    }
}
