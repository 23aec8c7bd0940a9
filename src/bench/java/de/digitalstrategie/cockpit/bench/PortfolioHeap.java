package de.digitalstrategie.cockpit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The portfolio macro in a JVM of its own, so its heap can be limited (-Xmx256m) and watched: run
 * by {@link PortfolioBench} on a store of 100,000 projects. Prints one line "RESULT {json}" with the
 * render times, the peak of the heap (each heap pool's peak since the warm-up, summed: an upper
 * bound), the most the heap held right after a collection (what was really live), the collections,
 * and the bytes allocated per render.
 */
public final class PortfolioHeap {
    private PortfolioHeap() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.postgres(args[0], args[1], args[2], args[3]);
        int warmup = Integer.parseInt(args[4]);
        int iterations = Integer.parseInt(args[5]);
        String caption = args[6];

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        Set<String> heapNames = heap.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong liveAfterGc = new AtomicLong();
        AtomicLong usedBeforeGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        boolean[] measuring = {false};
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!measuring[0] || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                liveAfterGc.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc(), heapNames), Math::max);
                usedBeforeGc.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc(), heapNames), Math::max);
                collections.incrementAndGet();
            }, null, null);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        Path dir = Files.createTempDirectory("cockpit-bench-heap");
        try (Sandbox sandbox = new Sandbox(database, dir, JiraPortfolio.VIEW_CLOCK)) {
            int[] round = {0};
            // Every view after a change of the mirror: the sums are computed, streamed, each time.
            Measure.Trial render = new Measure.Trial() {
                @Override
                public void prepare() {
                    PortfolioBench.changeOne(sandbox.projects, "DIGI-1", round[0]++);
                }

                @Override
                public Object run() {
                    return JiraPortfolio.render(sandbox, PortfolioBench.MACRO, PortfolioBench.VIEWER);
                }

                @Override
                public void check(Object html) {
                    if (!html.toString().contains(caption)) {
                        throw new IllegalStateException("portfolio did not render " + caption);
                    }
                }
            };
            Measure.time("warm-up", 0, warmup, render);
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcCountBefore = gcCount();
            long gcMillisBefore = gcMillis();
            measuring[0] = true;
            long[] allocated = new long[iterations];
            long[] before = new long[1];
            int[] done = {0};
            Samples samples = Measure.time("portfolio macro, 100,000 projects, -Xmx256m", 0, iterations,
                    new Measure.Trial() {
                        @Override
                        public void prepare() throws Exception {
                            render.prepare();
                            before[0] = threads.getThreadAllocatedBytes(thread);
                        }

                        @Override
                        public Object run() throws Exception {
                            return render.run();
                        }

                        @Override
                        public void check(Object html) throws Exception {
                            render.check(html);
                        }
                    }, nanos -> allocated[done[0]++] = threads.getThreadAllocatedBytes(thread) - before[0]);
            measuring[0] = false;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long[] sortedAllocated = allocated.clone();
            Arrays.sort(sortedAllocated);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("millis", samples.millis());
            result.put("cpuMillis", new Samples("cpu", samples.cpuNanos()).millis());
            result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            result.put("peakHeapUsedBytes", peak);
            result.put("maxLiveAfterGcBytes", liveAfterGc.get());
            result.put("maxUsedBeforeGcBytes", usedBeforeGc.get());
            result.put("collections", gcCount() - gcCountBefore);
            result.put("gcMillis", gcMillis() - gcMillisBefore);
            result.put("allocatedBytesPerRenderMedian", sortedAllocated[sortedAllocated.length / 2]);
            result.put("jvm", ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
        }
    }

    private static long sum(Map<String, MemoryUsage> usage, Set<String> pools) {
        return usage.entrySet().stream().filter(e -> pools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
