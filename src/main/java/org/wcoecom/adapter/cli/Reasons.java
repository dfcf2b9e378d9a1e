package org.wcoecom.adapter.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short, plain reasons for file errors. */
final class Reasons {

    private Reasons() {
    }

    static String of(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
