package nl.zorgpad.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Closed-loop load for the benchmarks: each client sends its next request when its last one was answered. */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs {@code client} (given its number, from 0) on {@code clients} threads at once and waits for all. */
    static void run(int clients, IntConsumer client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int number = c;
                running.add(pool.submit(() -> client.accept(number)));
            }
            for (Future<?> done : running) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
