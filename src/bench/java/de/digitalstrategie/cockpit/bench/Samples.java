package de.digitalstrategie.cockpit.bench;

import java.util.Arrays;

/**
 * The measured times of one case, in nanoseconds, in the order they were taken; with the CPU time
 * the measuring thread spent in each run, where known (not the database's, nor other threads').
 */
public record Samples(String name, long[] nanos, long[] cpuNanos) {

    public Samples {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples for " + name);
        }
        nanos = nanos.clone();
        cpuNanos = cpuNanos == null ? null : cpuNanos.clone();
    }

    public Samples(String name, long[] nanos) {
        this(name, nanos, null);
    }

    /** The median CPU time of the measuring thread per run, or NaN where not measured. */
    public double cpuMedianMillis() {
        return cpuNanos == null ? Double.NaN : new Samples(name, cpuNanos).medianMillis();
    }

    private long[] sorted() {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s;
    }

    /** The median; the mean of the middle two for an even count. */
    public double medianMillis() {
        long[] s = sorted();
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        return median / 1e6;
    }

    /** The q-quantile by the nearest-rank method (q = 0.9: 90 % of the samples are at most this). */
    public double quantileMillis(double q) {
        long[] s = sorted();
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }

    public double minMillis() {
        return sorted()[0] / 1e6;
    }

    public double maxMillis() {
        long[] s = sorted();
        return s[s.length - 1] / 1e6;
    }

    public int count() {
        return nanos.length;
    }

    public double[] millis() {
        return Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray();
    }
}
