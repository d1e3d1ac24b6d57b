package nl.zorgpad.referral.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the referral-service benchmarks share: a fixed pool of client threads and how rates are printed. */
final class Throughput {

    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final ObjectMapper JSON = new ObjectMapper();

    private Throughput() {
    }

    interface Work {
        Void run(int i) throws Exception;
    }

    /** Runs {@code count} pieces of work on {@link #THREADS} threads; answers how many per second were done. */
    static double run(int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            tasks.add(() -> work.run(n));
        }
        long start = System.nanoTime();
        List<Future<Void>> results = pool.invokeAll(tasks);
        for (Future<Void> f : results) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }

    static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format("%.1f", r)).toList());
    }
}
