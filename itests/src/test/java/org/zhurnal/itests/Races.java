package org.zhurnal.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Readers racing a writer: what a concurrent reader may see while something is being changed. */
final class Races {
    private Races() {}

    /** A step that may throw. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code read} over and over in {@code readers} threads while {@code write} runs once in the caller's thread;
     * a reader's failure fails the call.
     *
     * @return how many reads ran
     */
    static int readWhileWriting(int readers, Step read, Step write) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            running.add(pool.submit(() -> {
                while (writing.get()) {
                    read.run();
                    reads.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            write.run();
        } finally {
            writing.set(false);
            try {
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return reads.get();
    }
}
