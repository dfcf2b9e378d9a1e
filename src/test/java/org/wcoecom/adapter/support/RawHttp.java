package org.wcoecom.adapter.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

/**
 * An HTTP/1.1 request written by hand on a socket, the way a hostile or broken client sends one:
 * the head first, then a body that may be slow, never end, or be far larger than announced. It
 * counts what the server let it write, and tells what came back and whether the server hung up.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final AtomicLong written = new AtomicLong();
    private volatile IOException writeFailure;
    private Thread writer;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects on plain TCP. */
    public static RawHttp connect(int port) throws IOException {
        return connect(SocketFactory.getDefault(), port);
    }

    /** Connects with the given factory (e.g. one of an SSLContext). */
    public static RawHttp connect(SocketFactory factory, int port) throws IOException {
        Socket s = factory.createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawHttp(s);
    }

    /** Writes the request line and headers (CRLF-separated, without the blank line after them). */
    public RawHttp head(String... lines) throws IOException {
        out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Writes part of a body now. */
    public RawHttp write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        written.addAndGet(bytes.length);
        return this;
    }

    /** Writes one chunk of a chunked body now. */
    public RawHttp writeChunk(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        written.addAndGet(bytes.length);
        return this;
    }

    /**
     * Writes chunks of a body that never ends (chunked encoding when told), on a thread of its own,
     * until the server stops taking them or the limit is reached.
     */
    public RawHttp streamForever(boolean chunked, long limit) {
        byte[] data = new byte[64 * 1024];
        Arrays.fill(data, (byte) ' ');
        byte[] chunkHead = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        writer = new Thread(() -> {
            try {
                while (written.get() < limit) {
                    if (chunked) {
                        out.write(chunkHead);
                    }
                    out.write(data);
                    if (chunked) {
                        out.write(crlf);
                    }
                    written.addAndGet(data.length);
                }
            } catch (IOException e) {
                writeFailure = e;
            }
        }, "raw-http-body");
        writer.setDaemon(true);
        writer.start();
        return this;
    }

    /** The status code of the response, or -1 if none came in time (or the server hung up first). */
    public int status(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return -1;
        }
        String status = line.toString(StandardCharsets.ISO_8859_1).trim();
        return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
    }

    /** The rest of the response, up to the server closing the connection; null if it keeps it open. */
    public String restUntilClosed(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                rest.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (java.net.SocketException e) {
            // reset by the server: closed as well
        }
        return rest.toString(StandardCharsets.UTF_8);
    }

    /** Waits for the body writer to stop, and says whether it stopped because the server would take no more. */
    public boolean writerRefused(Duration wait) throws InterruptedException {
        writer.join(wait.toMillis());
        return !writer.isAlive() && writeFailure != null;
    }

    /** Body bytes written so far (what the server's socket took, its buffers included). */
    public long written() {
        return written.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
