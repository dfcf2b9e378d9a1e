package org.wcoecom.adapter.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails fast, with the port named, when something else already listens where the adapter would. */
final class Ports {

    private Ports() {
    }

    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String what, String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException(what + ": cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); another process holds it, or choose another port");
        }
    }
}
