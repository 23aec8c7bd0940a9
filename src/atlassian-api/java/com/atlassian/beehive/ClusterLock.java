package com.atlassian.beehive;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Stand-in for {@code com.atlassian.beehive.ClusterLock} (beehive API; the decompiled interface,
 * and the 0.0.8 javadoc: {@code newCondition} is not supported): a named lock across the cluster,
 * held by one thread of one node; the plugin uses {@code tryLock}, {@code tryLock(time, unit)} and
 * {@code unlock} from {@link Lock}. Never packaged.
 */
public interface ClusterLock extends Lock {
    boolean isHeldByCurrentThread();

    @Override
    Condition newCondition();

    @Override
    void lockInterruptibly() throws InterruptedException;
}
