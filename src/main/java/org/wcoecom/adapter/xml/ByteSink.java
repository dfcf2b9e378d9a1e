package org.wcoecom.adapter.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where serialised XML goes: kept in memory, or only counted, to learn its size without holding it.
 */
public final class ByteSink extends OutputStream {

    private final ByteArrayOutputStream kept;
    private long size;

    private ByteSink(boolean keep) {
        this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    public static ByteSink keeping() {
        return new ByteSink(true);
    }

    public static ByteSink counting() {
        return new ByteSink(false);
    }

    @Override
    public void write(int b) {
        size++;
        if (kept != null) {
            kept.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        size += len;
        if (kept != null) {
            kept.write(b, off, len);
        }
    }

    /** Bytes written since the last {@link #clear()}. */
    public long size() {
        return size;
    }

    public void clear() {
        size = 0;
        if (kept != null) {
            kept.reset();
        }
    }

    /** What was kept; nothing when only counting. */
    public byte[] toByteArray() {
        return kept == null ? new byte[0] : kept.toByteArray();
    }

    public void writeTo(OutputStream out) throws IOException {
        if (kept != null) {
            kept.writeTo(out);
        }
    }
}
