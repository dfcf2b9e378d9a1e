package org.wcoecom.adapter.support;

import java.io.IOException;
import java.io.InputStream;

/** Test fixtures under src/test/resources. */
public final class Resources {

    private Resources() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
