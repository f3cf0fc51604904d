package org.yiwang.gateway;

/**
 * Tells a busy backend from a failing one. A request refused because the route's concurrency or connection pool
 * is exhausted (a bulkhead, or waiting for a pooled connection too long) says nothing about the backend's health:
 * it must not count towards opening the circuit, and the caller is told to come back (429 with Retry-After), not
 * that the service is down (503).
 */
final class Overload {

	private Overload() {
	}

	static boolean isOverload(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String name = t.getClass().getSimpleName();
			if (name.equals("BulkheadFullException") || name.equals("PoolAcquireTimeoutException")
					|| name.equals("PoolAcquirePendingLimitException")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
