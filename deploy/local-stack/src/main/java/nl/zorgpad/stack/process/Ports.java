package nl.zorgpad.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers about TCP ports on this machine. */
public final class Ports {

    private Ports() {
    }

    /**
     * Below Linux' ephemeral range (32768-60999), which the kernel hands out for outgoing connections and for servers
     * that bind port 0: a port picked there could be taken by Keycloak or a client of PostgreSQL between being picked
     * and being bound by the component that was meant to get it.
     */
    static final int FIRST = 20000;
    static final int LAST = 32767;

    /** A port nothing is bound to now, picked at random below the ephemeral range. */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another one
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + FIRST + " and " + LAST));
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(int port, String what) {
        if (isListening(port)) {
            throw new IllegalStateException("Port " + port + " for " + what
                    + " is already in use: is another deploy/run still running?");
        }
    }
}
