package nl.zorgpad.notification.delivery;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The claimed deliveries of one webhook (or of e-mail): at most {@code capacity} claimed and not yet finished, of
 * which at most {@code concurrency} are being sent at once, in the order they were claimed. Claiming ahead of the
 * senders lets one dispatch round (one transaction) feed many sends; the concurrency limit keeps a slow receiver
 * from tying up the workers or being flooded.
 */
final class EndpointLane {

    private final int concurrency;
    private final int capacity;
    private final Executor executor;
    private final Runnable afterEach;
    private final AtomicInteger claimed = new AtomicInteger();
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int sending;

    /** @param afterEach run after each send, once the lane has room again (wakes the dispatcher) */
    EndpointLane(int concurrency, int capacity, Executor executor, Runnable afterEach) {
        this.concurrency = concurrency;
        this.capacity = Math.max(capacity, concurrency);
        this.executor = executor;
        this.afterEach = afterEach;
    }

    /** True when nothing more should be claimed for this lane. */
    boolean full() {
        return claimed.get() >= capacity;
    }

    /** Reserves room for one claimed delivery; false when the lane is full. */
    boolean reserve() {
        if (claimed.incrementAndGet() > capacity) {
            claimed.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a reservation that was not used (the claim was rolled back). */
    void cancel() {
        claimed.decrementAndGet();
    }

    /** Sends a reserved delivery when a sender is free; {@code send} must not throw. */
    void submit(Runnable send) {
        synchronized (this) {
            waiting.add(send);
        }
        pump();
    }

    private void pump() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (sending >= concurrency || waiting.isEmpty()) {
                    return;
                }
                sending++;
                next = waiting.poll();
            }
            executor.execute(() -> {
                try {
                    next.run();
                } finally {
                    synchronized (this) {
                        sending--;
                    }
                    claimed.decrementAndGet();
                    pump();
                    afterEach.run();
                }
            });
        }
    }
}
