package com.atlassian.beehive;

/**
 * Stand-in for {@code com.atlassian.beehive.ClusterLockService} (beehive API; the decompiled
 * interface, and the 0.0.6 javadoc: "Provides methods for running code under a cluster-wide lock
 * ... if the node that holds the lock is shutdown or is unable to reach the DB for an extended
 * period then the lock is considered to no longer be valid ... The Locks returned by this service
 * are not intended to be re-entrant ... Lock names can be up to 255 characters", namespaced by the
 * caller). Confluence DC provides it as a host service. Never packaged.
 */
public interface ClusterLockService {
    ClusterLock getLockForName(String lockName);
}
