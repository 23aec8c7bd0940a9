package com.atlassian.activeobjects.external;

/**
 * Stand-in for Active Objects' model version, declared with the real package, name and
 * signatures. Source: activeobjects-plugin 2.0.1 source, class
 * {@code com.atlassian.activeobjects.external.ModelVersion} (a final class over an int; a missing
 * version is 0). Compiled for the build and the tests, never packaged.
 */
public final class ModelVersion implements Comparable<ModelVersion> {
    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    @Override
    public int compareTo(ModelVersion mv) {
        return version - mv.version;
    }

    public boolean isOlderThan(ModelVersion mv) {
        return compareTo(mv) < 0;
    }

    public boolean isNewerThan(ModelVersion mv) {
        return compareTo(mv) > 0;
    }

    public boolean isSame(ModelVersion mv) {
        return compareTo(mv) == 0;
    }

    @Override
    public String toString() {
        return String.valueOf(version);
    }

    public static ModelVersion valueOf(String s) {
        return new ModelVersion(s == null ? 0 : Integer.parseInt(s));
    }
}
